import { useEffect, useState } from 'react';
import type { Recording } from '../../../protocol/replays.js';
import { routes } from '../../../protocol/routes.js';
import { t } from '../../shared/i18n/index.js';
import { describeFailure } from '../../shared/ui/error-text.js';
import { useServices } from '../context.js';
import { formatDuration } from '../live/format.js';
import './replays.css';

/** The go-live form's switch: on by default for public lives until the host touches it. */
export function RecordingChoice({ checked, onChange }: { checked: boolean; onChange: (record: boolean) => void }) {
  return (
    <label className="inline wide" title={t('recording.defaultHint')}>
      <input data-testid="live-record" type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      {t('recording.switch')}
    </label>
  );
}

/** What a recording's state says to the host. */
export function recordingText(recording: Recording): string {
  if (recording.state === 'recording') return t('recording.state.recording', { duration: formatDuration(recording.durationSeconds * 1000) });
  if (recording.state === 'failed') return t('recording.state.failed', { reason: recording.error ?? '' });
  // A replay being made only carries an error while it waits for room on the relay's disk (replays/room.ts).
  if (recording.state === 'processing' && recording.error !== null) return t('recording.state.waitingForRoom');
  return t(`recording.state.${recording.state}`);
}

/** How often the live switch refreshes what was recorded. */
const REFRESH_MS = 3_000;

/** While live: what is being recorded, and a button to stop or start recording. */
export function LiveRecordingSwitch({ sessionId }: { sessionId: string }) {
  const { api } = useServices();
  const [recording, setRecording] = useState<Recording | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    const load = () =>
      api.call(routes.getRecording, { params: { id: sessionId } }).then(
        (reply) => current && setRecording(reply.recording),
        () => undefined,
      );
    void load();
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => {
      current = false;
      clearInterval(timer);
    };
  }, [api, sessionId]);

  if (!recording) return null;
  const toggle = async () => {
    setBusy(true);
    setError(null);
    try {
      setRecording((await api.call(routes.setRecording, { params: { id: sessionId }, body: { enabled: !recording.enabled } })).recording);
    } catch (err) {
      setError(describeFailure(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="recording-status" data-testid="live-recording" data-state={recording.state} data-enabled={recording.enabled}>
      <span className={recording.enabled && recording.state === 'recording' ? 'rec-dot on' : 'rec-dot'} aria-hidden="true" />
      <span>{recording.enabled || recording.state !== 'recording' ? recordingText(recording) : t('recording.state.off')}</span>
      <button type="button" data-testid="live-record-toggle" disabled={busy} onClick={() => void toggle()}>
        {recording.enabled ? t('recording.turnOff') : t('recording.turnOn')}
      </button>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
