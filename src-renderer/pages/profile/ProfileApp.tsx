import { useEffect, useState } from 'react';
import type { ProfilePageReply, PublicProfile } from '../../../protocol/follows.js';
import { routes } from '../../../protocol/routes.js';
import type { Session } from '../../../protocol/sessions.js';
import { RelayError } from '../../shared/api/client.js';
import { createPageApi } from '../../shared/auth/auth-store.js';
import { FollowButton } from '../../shared/follows/FollowButton.js';
import { useMe } from '../../shared/follows/use-me.js';
import { PageBell } from '../../shared/notifications/PageBell.js';
import { t } from '../../shared/i18n/index.js';
import { LangSwitch } from '../../shared/ui/LangSwitch.js';
import { describeFailure, localTime } from '../../shared/ui/error-text.js';
import { useLang } from '../../shared/ui/use-lang.js';
import { ProfileEditor } from './ProfileEditor.js';
import type { ScheduledLive } from '../../../protocol/notifications.js';
import { ScheduledList } from '../../shared/schedules/ScheduledList.js';
import './profile.css';

const api = createPageApi();

type Load = { state: 'loading' } | { state: 'notFound' } | { state: 'error'; message: string } | { state: 'ready'; page: ProfilePageReply };

/** `/u/:username`: who a creator is, whether they are live now, their past lives, and Follow. */
export function ProfileApp({ username }: { username: string }) {
  useLang();
  const me = useMe(api);
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const myId = me && !me.auto ? me.user.id : null;

  useEffect(() => {
    let alive = true;
    api.call(routes.profilePage, { params: { username } }).then(
      (page) => alive && setLoad({ state: 'ready', page }),
      (err: unknown) => {
        if (!alive) return;
        const missing = err instanceof RelayError && (err.status === 404 || err.status === 400);
        setLoad(missing ? { state: 'notFound' } : { state: 'error', message: describeFailure(err) });
      },
    );
    return () => {
      alive = false;
    };
    // Asked again once we know who is looking: isFollowing is the caller's own.
  }, [username, myId]);

  useEffect(() => {
    if (load.state === 'ready') document.title = `${load.page.user.displayName} — ${t('app.name')}`;
  }, [load]);

  const setUser = (user: PublicProfile) => setLoad((l) => (l.state === 'ready' ? { state: 'ready', page: { ...l.page, user } } : l));

  return (
    <>
      <header className="page-header">
        <a href="/" className="home-link" title={t('watch.allLives')}>
          {t('app.name')}
        </a>
        <h1>{load.state === 'ready' ? load.page.user.displayName : t('profile.title')}</h1>
        <PageBell api={api} />
        <LangSwitch />
      </header>
      <main className="page-main profile-page">
        {load.state === 'loading' && <p className="notice">{t('common.loading')}</p>}
        {load.state === 'notFound' && (
          <p role="status" data-testid="page-message">
            {t('profile.notFound')} <a href="/">{t('watch.allLives')}</a>
          </p>
        )}
        {load.state === 'error' && (
          <p className="error" role="alert">
            {load.message}
          </p>
        )}
        {load.state === 'ready' && (
          <>
            <ProfileHeader page={load.page} me={me} onUser={setUser} />
            {myId === load.page.user.id && <ProfileEditor api={api} user={load.page.user} onSaved={setUser} />}
            <LiveNow live={load.page.live} />
            <Scheduled userId={load.page.user.id} />
            <PastLives lives={load.page.pastLives} />
          </>
        )}
      </main>
    </>
  );
}

function ProfileHeader({ page, me, onUser }: { page: ProfilePageReply; me: ReturnType<typeof useMe>; onUser: (u: PublicProfile) => void }) {
  const { user } = page;
  return (
    <section className="panel profile-head" data-testid="profile">
      {user.avatarUrl ? (
        <img src={user.avatarUrl} alt={t('profile.avatarOf', { name: user.displayName })} className="avatar avatar-large" data-testid="profile-avatar" />
      ) : (
        <span className="avatar avatar-large avatar-letter" aria-hidden="true">
          {user.displayName.charAt(0).toUpperCase()}
        </span>
      )}
      <div className="profile-who">
        <h2 data-testid="profile-name">{user.displayName}</h2>
        <p className="notice">@{user.username}</p>
        {user.bio && (
          <p className="profile-bio" data-testid="profile-bio">
            {user.bio}
          </p>
        )}
        <FollowButton api={api} userId={user.id} me={me} initial={user} onChange={onUser} />
      </div>
    </section>
  );
}

function LiveNow({ live }: { live: Session | null }) {
  if (!live) return null;
  return (
    <section className="panel profile-live" data-testid="profile-live">
      <span className="badge badge-live">{t('profile.liveNow')}</span>
      <a href={`/watch/${encodeURIComponent(live.id)}`} data-testid="profile-live-link">
        {live.title}
      </a>
      <span className="badge">{t('watch.viewers', { count: live.viewerCount })}</span>
    </section>
  );
}

function Scheduled({ userId }: { userId: string }) {
  const [lives, setLives] = useState<ScheduledLive[]>([]);
  useEffect(() => {
    let alive = true;
    api.call(routes.creatorScheduledLives, { params: { userId } }).then(
      (r) => alive && setLives(r.scheduledLives),
      () => undefined,
    );
    return () => {
      alive = false;
    };
  }, [userId]);
  if (lives.length === 0) return null;
  return (
    <section className="panel" data-testid="profile-scheduled">
      <h2>{t('schedule.title')}</h2>
      <ScheduledList lives={lives} />
    </section>
  );
}

function PastLives({ lives }: { lives: Session[] }) {
  return (
    <section className="panel" data-testid="profile-past">
      <h2>{t('profile.pastLives')}</h2>
      {lives.length === 0 ? (
        <p className="notice">{t('profile.noPastLives')}</p>
      ) : (
        <ul className="profile-past-list">
          {lives.map((s) => (
            <li key={s.id} data-testid="profile-past-live">
              <a href={`/watch/${encodeURIComponent(s.id)}`}>{s.title}</a>{' '}
              <span className="notice">{localTime(s.startedAt ?? s.createdAt)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
