import { useEffect, useMemo, useState } from 'react';
import type { Replay } from '../../../protocol/replays.js';
import { routes } from '../../../protocol/routes.js';
import { RelayError } from '../../shared/api/client.js';
import { createPageApi } from '../../shared/auth/auth-store.js';
import { getLang, t } from '../../shared/i18n/index.js';
import { ChatList } from '../../shared/ui/ChatList.js';
import { describeFailure } from '../../shared/ui/error-text.js';
import { LangSwitch } from '../../shared/ui/LangSwitch.js';
import { PinnedBanner } from '../../shared/ui/PinnedBanner.js';
import { useLang } from '../../shared/ui/use-lang.js';
import { ReplayPlayer } from './ReplayPlayer.js';
import { messagesAt, pinsAt } from './timeline.js';
import './replay.css';

const api = createPageApi();
/** While the replay is being made, look again this often. */
const PROCESSING_POLL_MS = 5_000;

type Load = { phase: 'loading' } | { phase: 'notFound' } | { phase: 'error'; message: string } | { phase: 'loaded'; replay: Replay };

export function ReplayApp({ sessionId }: { sessionId: string }) {
  useLang();
  const [load, setLoad] = useState<Load>({ phase: 'loading' });
  const processing = load.phase === 'loaded' && load.replay.recording.state === 'processing';

  useEffect(() => {
    let current = true;
    const fetchReplay = () =>
      api.call(routes.getReplay, { params: { id: sessionId } }).then(
        ({ replay }) => current && setLoad({ phase: 'loaded', replay }),
        (err: unknown) => current && setLoad(err instanceof RelayError && err.status === 404 ? { phase: 'notFound' } : { phase: 'error', message: describeFailure(err) }),
      );
    void fetchReplay();
    return () => {
      current = false;
    };
  }, [sessionId]);

  useEffect(() => {
    if (!processing) return;
    const timer = setInterval(() => {
      api.call(routes.getReplay, { params: { id: sessionId } }).then(({ replay }) => setLoad({ phase: 'loaded', replay }), () => undefined);
    }, PROCESSING_POLL_MS);
    return () => clearInterval(timer);
  }, [processing, sessionId]);

  useEffect(() => {
    if (load.phase === 'loaded') document.title = `${load.replay.session.title} — ${t('replay.title')} — ${t('app.name')}`;
  }, [load]);

  return (
    <div className="watch-page replay-page">
      <header className="page-header">
        <a href="/" className="home-link" data-testid="to-directory-header" title={t('replay.backToLives')}>
          {t('app.name')}
        </a>
        <h1>{load.phase === 'loaded' ? load.replay.session.title : t('replay.title')}</h1>
        <span className="badge" data-testid="replay-badge">
          {t('replay.title')}
        </span>
        <LangSwitch />
      </header>
      {load.phase === 'loading' && <p className="page-main">{t('common.loading')}</p>}
      {load.phase === 'notFound' && (
        <p className="page-main notice" data-testid="replay-not-found">
          {t('replay.notFound')}
        </p>
      )}
      {load.phase === 'error' && (
        <p className="page-main notice error" role="alert">
          {load.message}
        </p>
      )}
      {load.phase === 'loaded' && <ReplayView replay={load.replay} />}
    </div>
  );
}

function ReplayView({ replay }: { replay: Replay }) {
  const [seconds, setSeconds] = useState(0);
  const { recording, session } = replay;
  const shown = useMemo(() => messagesAt(replay.messages, seconds), [replay.messages, seconds]);
  const pins = useMemo(() => pinsAt(replay.pins, seconds), [replay.pins, seconds]);
  const hostId = session.hostId;
  const date = session.startedAt ? new Date(session.startedAt).toLocaleString(getLang()) : null;
  if (recording.state !== 'ready') {
    return (
      <p className="page-main notice" data-testid="replay-state" data-state={recording.state}>
        {recording.state === 'processing' ? t('replay.processing') : t('replay.failed')}
      </p>
    );
  }
  return (
    <main className="page-main watch-layout">
      <div>
        <ReplayPlayer replay={replay} onTime={setSeconds} />
        <div className="watch-extras">
          <p className="notice hosted-by" data-testid="replay-host">
            {session.host.displayName}
            {date && ` · ${t('replay.recordedOn', { date })}`}
          </p>
          {session.description && <p className="watch-description">{session.description}</p>}
          <p className="replay-actions">
            <a className="button" href={replay.media.downloadUrl} download data-testid="replay-download">
              ⬇ {t('replay.download')}
            </a>
            {recording.expiresAt && <span className="muted"> {t('replay.expires', { date: new Date(recording.expiresAt).toLocaleDateString(getLang()) })}</span>}
          </p>
        </div>
      </div>
      <section className="side" aria-labelledby="replay-chat-title" data-testid="replay-chat" data-seconds={Math.floor(seconds)}>
        <h2 id="replay-chat-title">{t('replay.chat')}</h2>
        <PinnedBanner pins={pins} />
        <ChatList messages={shown} pending={[]} badgeOf={(userId) => (userId === hostId ? 'host' : null)} />
      </section>
    </main>
  );
}
