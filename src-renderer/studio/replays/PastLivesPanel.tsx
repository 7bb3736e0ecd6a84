import { useCallback, useEffect, useState } from 'react';
import type { PastLive } from '../../../protocol/replays.js';
import { replayPageUrl } from '../../../protocol/replays.js';
import { routes } from '../../../protocol/routes.js';
import { getLang, t } from '../../shared/i18n/index.js';
import { describeFailure } from '../../shared/ui/error-text.js';
import { useLive, useServices } from '../context.js';
import { formatDuration } from '../live/format.js';
import { recordingText } from './RecordingSwitch.js';
import './replays.css';

/** While a replay is being made, the list looks again this often. */
const PROCESSING_POLL_MS = 5_000;

/** The host's past lives: each replay's state, a link to watch it, its MP4 download, and delete. */
export function PastLivesPanel() {
  const { api } = useServices();
  const phase = useLive().phase;
  const [pastLives, setPastLives] = useState<PastLive[] | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const processing = pastLives?.some((p) => p.recording.state === 'processing') ?? false;

  const load = useCallback(
    () => api.call(routes.myPastLives).then((r) => setPastLives(r.pastLives), (err: unknown) => setNotice(describeFailure(err))),
    [api],
  );
  // Again when a live ends: its replay is being made.
  useEffect(() => void load(), [load, phase]);
  useEffect(() => {
    if (!processing) return;
    const timer = setInterval(() => void load(), PROCESSING_POLL_MS);
    return () => clearInterval(timer);
  }, [processing, load]);

  const remove = async (sessionId: string) => {
    setConfirming(null);
    try {
      await api.call(routes.deleteReplay, { params: { id: sessionId } });
      setNotice(t('pastLives.deleted'));
      await load();
    } catch (err) {
      setNotice(describeFailure(err));
    }
  };

  return (
    // Opening reads the list again: a live that had not finished ending when the phase changed shows up then.
    <details className="panel past-lives-studio" data-testid="studio-past-lives" onToggle={(e) => e.currentTarget.open && void load()}>
      <summary>
        <h2>{t('pastLives.mine')}</h2>
      </summary>
      {notice && (
        <p className="notice-line" role="status">
          {notice}
        </p>
      )}
      {pastLives?.length === 0 && <p className="notice-line">{t('pastLives.empty')}</p>}
      <ul>
        {pastLives?.map(({ session, recording, posterUrl, downloadUrl }) => (
          <li key={session.id} data-testid="studio-past-live" data-session-id={session.id} data-state={recording.state}>
            {posterUrl ? <img src={`${api.baseUrl}${posterUrl}`} alt="" /> : <span className="poster-empty" />}
            <span>
              <strong>{session.title}</strong>
              <br />
              <small>
                {session.startedAt && `${new Date(session.startedAt).toLocaleDateString(getLang())} · `}
                {recording.state === 'ready' ? formatDuration(recording.durationSeconds * 1000) : recordingText(recording)}
                {recording.bytes > 0 && ` · ${t('pastLives.size', { size: (recording.bytes / 1e6).toFixed(1) })}`}
              </small>
            </span>
            <span className="actions">
              {recording.state === 'ready' && (
                <>
                  <a href={`${api.baseUrl}${replayPageUrl(session.id)}`} target="_blank" rel="noreferrer">
                    {t('pastLives.watch')}
                  </a>
                  <a href={`${api.baseUrl}${downloadUrl}`} download data-testid="studio-replay-download">
                    {t('replay.download')}
                  </a>
                </>
              )}
              {recording.state !== 'processing' &&
                (confirming === session.id ? (
                  <button type="button" className="danger" data-testid="studio-replay-delete-confirm" onClick={() => void remove(session.id)}>
                    {t('pastLives.confirmDelete', { title: session.title })}
                  </button>
                ) : (
                  <button type="button" data-testid="studio-replay-delete" onClick={() => setConfirming(session.id)}>
                    {t('pastLives.delete')}
                  </button>
                ))}
            </span>
          </li>
        ))}
      </ul>
    </details>
  );
}
