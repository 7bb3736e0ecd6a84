import { useEffect, useState, useSyncExternalStore } from 'react';
import { t } from '../../shared/i18n/index.js';
import type { ConnectionState } from '../../shared/realtime/index.js';
import { ConnectionBadge } from '../../shared/ui/ConnectionBadge.js';
import { StudioInbox } from '../guests/CohostOverlays.js';
import { OutputPicker } from '../media/output/OutputPicker.js';
import type { RecorderState } from '../media/recorder/recorder.js';
import { useLive, useServices, useStudio } from '../context.js';
import { LanguageSwitch } from './LanguageSwitch.js';
import { StudioBell } from './StudioBell.js';
import { errorText } from '../../shared/ui/error-text.js';
import { useHealth } from '../live/health/use-health.js';
import '../live/health/health.css';
import './topbar.css';

function useRecorderState(): RecorderState {
  const { engine } = useServices();
  return useSyncExternalStore(
    (cb) => engine.recorder.events.on('state', cb),
    () => engine.recorder.state,
  );
}

function RecordControls() {
  const { engine, platform } = useServices();
  const [folder, setFolder] = useState<string | null>(null);
  const state = useRecorderState();
  const [saved, setSaved] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const offSaved = engine.recorder.events.on('saved', (s) => setSaved(s.location));
    const offError = engine.recorder.events.on('error', (e) => setError(e.message));
    return () => {
      offSaved();
      offError();
    };
  }, [engine]);
  return (
    <div className="record">
      {state === 'idle' ? (
        <button data-testid="record-start" onClick={() => void engine.startRecording().catch((e: unknown) => setError(String(e)))}>
          ● {t('studio.record.start')}
        </button>
      ) : (
        <button data-testid="record-stop" className="danger" disabled={state === 'stopping'} onClick={() => engine.recorder.stop()}>
          ■ {t('studio.record.stop')}
        </button>
      )}
      <span className="muted" data-testid="record-state">
        {state === 'recording' ? t('studio.record.recording') : state === 'stopping' ? t('studio.record.saving') : saved ? t('studio.record.saved', { name: saved }) : ''}
      </span>
      {platform.chooseRecordingsFolder && (
        <button className="secondary" title={folder ?? undefined} onClick={() => void platform.chooseRecordingsFolder?.().then((f) => f && setFolder(f))}>
          {t('studio.record.folder')}
        </button>
      )}
      {error && <span className="error">{errorText(error)}</span>}
    </div>
  );
}

/** The relay link's state: a streamer must see at once that chat and viewers are cut off. */
function useConnectionState(): ConnectionState {
  const { connection } = useServices();
  return useSyncExternalStore(
    (cb) => connection.onState(cb),
    () => connection.state,
  );
}

export function TopBar() {
  const { store, live: controller, settings } = useServices();
  const { user, studioMode } = useStudio((s) => ({ user: s.user, studioMode: s.studioMode }));
  const live = useLive();
  const health = useHealth();
  const connectionState = useConnectionState();
  // Signing out on air ends the live first (while the token still works), after asking.
  const signOut = async () => {
    const onAir = live.phase === 'live' || live.phase === 'creating';
    if (onAir && !window.confirm(t('studio.auth.signOutWhileLive'))) return;
    if (onAir) await controller.end();
    await store.getState().signOut();
  };
  return (
    <header className="topbar">
      <strong>{t('studio.title')}</strong>
      <span className={`badge state-${health.level === 'bad' ? 'trouble' : (live.sessionState ?? 'none')}`} data-testid="topbar-live-badge">
        {health.level === 'bad' ? t('studio.health.badgeTrouble') : live.sessionState ? t(`session.state.${live.sessionState}`) : t('studio.live.offline')}
      </span>
      <label className="inline">
        <input type="checkbox" data-testid="studio-mode" checked={studioMode} onChange={(e) => store.getState().setStudioMode(e.target.checked)} />
        {t('studio.mode.studio')}
      </label>
      <OutputPicker />
      <RecordControls />
      <span className="spacer" />
      <StudioInbox />
      <StudioBell />
      <ConnectionBadge state={connectionState} />
      <LanguageSwitch />
      <span className="muted topbar-user">{user?.displayName}</span>
      <button className="secondary" data-testid="open-settings" title={t('settings.open')} onClick={() => settings.open()}>
        ⚙ <span className="btn-label">{t('settings.open')}</span>
      </button>
      <button className="secondary" data-testid="sign-out" title={user?.displayName} onClick={() => void signOut()}>
        {t('studio.auth.signOut')}
      </button>
    </header>
  );
}
