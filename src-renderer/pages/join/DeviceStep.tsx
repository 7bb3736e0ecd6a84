import { useEffect, useState } from 'react';
import { t } from '../../shared/i18n/index.js';
import { listDevices, openDevices, type DeviceLists } from '../../shared/media/devices.js';
import { LevelMeter, Preview } from '../../shared/stage/DevicePreview.js';
import type { JoinController } from './join-store.js';
import { DeviceSelect } from '../../shared/ui/DeviceSelect.js';

/** Camera and microphone pickers with a live preview and a level meter, then "Join backstage". */
export function DeviceStep({ controller, local }: { controller: JoinController; local: MediaStream | null }) {
  const [devices, setDevices] = useState<DeviceLists>({ cameras: [], microphones: [] });
  const [cameraId, setCameraId] = useState<string>('');
  const [microphoneId, setMicrophoneId] = useState<string>('');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    const wantVideo = cameraId !== 'none';
    const wantAudio = microphoneId !== 'none';
    if (!wantVideo && !wantAudio) {
      controller.setLocal(null);
      return;
    }
    openDevices({ cameraId: cameraId && cameraId !== 'none' ? cameraId : null, microphoneId: microphoneId && microphoneId !== 'none' ? microphoneId : null }, wantVideo, wantAudio)
      .then(async (stream) => {
        if (cancelled) return stream.getTracks().forEach((tr) => tr.stop());
        controller.setLocal(stream);
        setError(null);
        // Labels are only readable once permission is granted.
        setDevices(await listDevices());
      })
      .catch(() => !cancelled && setError(t('join.permission')));
    return () => {
      cancelled = true;
    };
  }, [controller, cameraId, microphoneId]);

  return (
    <div className="join-grid">
      <section className="panel">
        <h2>{t('join.devices')}</h2>
        <Preview stream={local} />
        <LevelMeter stream={local} />
      </section>
      <section className="panel form">
        <DeviceSelect kind="camera" devices={devices.cameras} value={cameraId} onChange={setCameraId} testId="camera-select" />
        <DeviceSelect kind="microphone" devices={devices.microphones} value={microphoneId} onChange={setMicrophoneId} testId="mic-select" />
        {error && (
          <p className="notice error" role="alert">
            {error}
          </p>
        )}
        <button type="button" data-testid="join-enter" disabled={!local} onClick={() => void controller.enter()}>
          {t('join.enter')}
        </button>
      </section>
    </div>
  );
}

