import { useEffect, useState } from 'react';
import type { Session } from '../../../protocol/sessions.js';
import { routes } from '../../../protocol/routes.js';
import { createPageApi } from '../../shared/auth/auth-store.js';
import { t } from '../../shared/i18n/index.js';
import { PageInbox } from '../../shared/invitations/PageInbox.js';
import { LangSwitch } from '../../shared/ui/LangSwitch.js';
import { useLang } from '../../shared/ui/use-lang.js';
import { CardThumbnail } from './CardThumbnail.js';
import { FollowButton } from '../../shared/follows/FollowButton.js';
import { useMe } from '../../shared/follows/use-me.js';
import { PageBell } from '../../shared/notifications/PageBell.js';
import { ScheduledSection } from './ScheduledSection.js';
import { PastLives } from './PastLives.js';

const REFRESH_MS = 10_000;
/** `/?host=<user id>`: the lives of one host (the watch page links its host's name here). */
const hostFilter = new URLSearchParams(location.search).get('host');
const api = createPageApi();

/** `/`: the public sessions that are live now, most watched first, refreshed every few seconds. */
export function DirectoryApp() {
  useLang();
  const me = useMe(api);
  const [sessions, setSessions] = useState<Session[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const shown = hostFilter ? sessions?.filter((s) => s.hostId === hostFilter) : sessions;
  const hostName = shown?.[0]?.host.displayName ?? null;

  useEffect(() => {
    let alive = true;
    const load = () =>
      api
        .call(routes.listSessions, { query: { scope: 'public' } })
        .then((r) => {
          if (!alive) return;
          setSessions(r.sessions);
          setError(null);
        })
        .catch((err: unknown) => alive && setError(t('common.error', { message: err instanceof Error ? err.message : String(err) })));
    void load();
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => {
      alive = false;
      clearInterval(timer);
    };
  }, []);

  return (
    <>
      <header className="page-header">
        <h1>{t('app.name')}</h1>
        <a href="/studio">{t('directory.studio')}</a>
        <PageInbox api={api} />
        <PageBell api={api} />
        <LangSwitch />
      </header>
      <main className="page-main">
        <h2>{hostFilter && hostName ? t('directory.byHost', { name: hostName }) : t('directory.title')}</h2>
        {hostFilter && (
          <p className="notice">
            {shown?.length === 0 && <>{t('directory.byHostEmpty')} </>}
            <a href="/">{t('directory.showAll')}</a>
          </p>
        )}
        {error && (
          <p className="notice error" role="alert">
            {error}
          </p>
        )}
        {sessions === null && !error && <p className="notice">{t('common.loading')}</p>}
        {sessions?.length === 0 && !hostFilter && (
          <p className="notice" data-testid="directory-empty">
            {t('directory.empty')}
          </p>
        )}
        <ul className="cards" aria-live="polite">
          {shown?.map((s) => (
            <li key={s.id} className="card" data-testid="directory-session" data-session-id={s.id}>
              <CardThumbnail sessionId={s.id} />
              <a href={`/watch/${encodeURIComponent(s.id)}`} aria-label={t('directory.watch', { title: s.title })}>
                {s.title}
              </a>
              {/* The host's name links to their profile; the button follows them from the card. */}
              <FollowButton api={api} userId={s.hostId} me={me} linkProfile fallbackName={s.host.displayName} />
              <span>
                <span className={`badge${s.state === 'live' ? ' badge-live' : ''}`}>{t(`session.state.${s.state}`)}</span>{' '}
                <span className="badge">{t('watch.viewers', { count: s.viewerCount })}</span>
              </span>
            </li>
          ))}
        </ul>
        {!hostFilter && <ScheduledSection api={api} />}
        {!hostFilter && <PastLives api={api} />}
      </main>
    </>
  );
}
