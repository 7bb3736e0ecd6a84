import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { t } from '../../../shared/i18n/index.js';
import { listDevices, openDevices, type DeviceLists } from '../../../shared/media/devices.js';
import { BackstageChat } from '../../../shared/stage/BackstageChat.js';
import { LevelMeter, Preview } from '../../../shared/stage/DevicePreview.js';
import { OnAirBanner } from '../../../shared/stage/OnAirBanner.js';
import { ReturnFeed } from '../../../shared/stage/ReturnFeed.js';
import type { StageClient } from '../../../shared/stage/stage-client.js';
import { describeFailure } from '../../../shared/ui/error-text.js';
import type { GuestConsoleController } from './console-controller.js';
import { DeviceSelect } from '../../../shared/ui/DeviceSelect.js';

/** Camera and microphone pickers with a live preview and a level meter. */
function DevicePickers({ controller }: { controller: GuestConsoleController }) {
  const camera = useStore(controller.store, (s) => s.camera);
  const [devices, setDevices] = useState<DeviceLists>({ cameras: [], microphones: [] });
  const [cameraId, setCameraId] = useState('');
  const [microphoneId, setMicrophoneId] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    const choice = { cameraId: cameraId && cameraId !== 'none' ? cameraId : null, microphoneId: microphoneId && microphoneId !== 'none' ? microphoneId : null };
    const wantVideo = cameraId !== 'none';
    const wantAudio = microphoneId !== 'none';
    if (!wantVideo && !wantAudio) return void controller.setCamera(null);
    openDevices(choice, wantVideo, wantAudio)
      .then(async (stream) => {
        if (cancelled) return stream.getTracks().forEach((tr) => tr.stop());
        await controller.setCamera(stream);
        setError(null);
        setDevices(await listDevices());
      })
      .catch(() => !cancelled && setError(t('join.permission')));
    return () => {
      cancelled = true;
    };
  }, [controller, cameraId, microphoneId]);
  return (
    <div className="console-devices">
      <Preview stream={camera} />
      <LevelMeter stream={camera} />
      <DeviceSelect kind="camera" devices={devices.cameras} value={cameraId} onChange={setCameraId} testId="console-camera" />
      <DeviceSelect kind="microphone" devices={devices.microphones} value={microphoneId} onChange={setMicrophoneId} testId="console-microphone" />
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

function StageStatus({ stage, selfId }: { stage: StageClient; selfId: string }) {
  useStore(stage.store, (s) => s.stage);
  return <OnAirBanner status={stage.statusOf(selfId)} />;
}

/**
 * The studio's guest console, opened by accepting an invitation: where the streamer stands on the other
 * live (backstage / countdown / on air), what they send (camera or their own studio program), what they
 * hear back (the host's mix-minus, with a volume), the backstage chat, and Leave.
 */
export function GuestConsole({ controller, selfId, onClose }: { controller: GuestConsoleController; selfId: string; onClose: () => void }) {
  const state = useStore(controller.store);
  const host = state.session?.host.displayName ?? '';
  return (
    <section className="panel guest-console" data-testid="guest-console" data-phase={state.phase} aria-label={t('console.title', { host })}>
      <header className="panel-head">
        <h2>{t('console.title', { host })}</h2>
        {(state.phase === 'left' || state.phase === 'ended' || state.phase === 'error') && (
          <button className="secondary" onClick={onClose}>
            {t('common.close')}
          </button>
        )}
      </header>
      {state.session && <p className="muted">{state.session.title}</p>}
      {state.phase === 'error' && (
        <p className="error" role="alert">
          {describeFailure(state.error)}
        </p>
      )}
      {state.phase === 'left' && <p role="status">{t('console.left')}</p>}
      {state.phase === 'ended' && <p role="status">{t('console.ended')}</p>}
      {state.phase === 'joining' && <p className="muted">{t('common.loading')}</p>}
      {state.phase === 'stage' && (
        <div className="console-grid">
          <div className="console-col">
            {state.stage && <StageStatus stage={state.stage} selfId={selfId} />}
            <p className="muted" data-testid="console-link" data-state={state.linkState}>
              {state.linkState === 'on-stage' ? t('join.linkedToHost') : t('join.connecting')}
            </p>
            {!state.flags.audioEnabled && <p className="notice">{t('join.mutedByHost')}</p>}
            {!state.flags.videoEnabled && <p className="notice">{t('join.videoOffByHost')}</p>}
            <fieldset className="console-feed">
              <legend>{t('console.feed')}</legend>
              <label>
                <input type="radio" name="guest-feed" data-testid="guest-feed-camera" checked={state.feed === 'camera'} onChange={() => void controller.setFeed('camera')} />
                {t('console.feedCamera')}
              </label>
              <label>
                <input type="radio" name="guest-feed" data-testid="guest-feed-program" checked={state.feed === 'program'} onChange={() => void controller.setFeed('program')} />
                {t('console.feedProgram')}
              </label>
            </fieldset>
            {state.feed === 'camera' && <DevicePickers controller={controller} />}
            <button className="danger" data-testid="guest-console-leave" onClick={() => void controller.leave()}>
              {t('console.leave')}
            </button>
          </div>
          <div className="console-col">
            <ReturnFeed stream={state.program} />
            {state.stage && <BackstageChat client={state.stage} selfId={selfId} />}
          </div>
        </div>
      )}
    </section>
  );
}
