import './guests.css';
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { USER_SEARCH_MIN } from '../../../protocol/users.js';
import { routes } from '../../../protocol/routes.js';
import type { User } from '../../../protocol/users.js';
import { RelayError } from '../../shared/api/client.js';
import { t } from '../../shared/i18n/index.js';
import { BackstageChat } from '../../shared/stage/BackstageChat.js';
import { LayoutBar } from '../scenes/layouts/LayoutBar.js';
import { useLive, useServices, useStudio } from '../context.js';
import { errorText } from '../../shared/ui/error-text.js';
import { useChannelState } from '../live/use-channel.js';
import { SentInvitations } from './SentInvitations.js';
import { onAirGuests, type StageDirector } from './stage-director.js';

function codeOf(err: unknown): string {
  return err instanceof RelayError ? err.error.code : 'unavailable';
}

function InviteSearch({ sessionId, onInvited }: { sessionId: string; onInvited: () => void }) {
  const { api } = useServices();
  const [query, setQuery] = useState('');
  const [users, setUsers] = useState<User[]>([]);
  const [error, setError] = useState<string | null>(null);

  const search = async (q: string) => {
    setQuery(q);
    if (q.trim().length < USER_SEARCH_MIN) return setUsers([]);
    try {
      setUsers((await api.call(routes.searchUsers, { query: { search: q.trim().toLowerCase() } })).users);
    } catch (err) {
      setError(codeOf(err));
    }
  };
  const invite = async (user: User) => {
    setError(null);
    try {
      await api.call(routes.invite, { params: { id: sessionId }, body: { toUserId: user.id } });
      // The invitation's fate (pending, accepted, declined…) is followed in the list below.
      setUsers([]);
      setQuery('');
      onInvited();
    } catch (err) {
      setError(codeOf(err));
    }
  };
  return (
    <div className="invite">
      <input data-testid="invite-search" placeholder={t('studio.guests.search')} value={query} onChange={(e) => void search(e.target.value)} />
      {error && <p className="error">{errorText(error)}</p>}
      <ul className="list compact">
        {users.map((u) => (
          <li key={u.id}>
            <span className="name">
              {u.displayName} <span className="muted">@{u.username}</span>
            </span>
            <button data-testid="invite-user" onClick={() => void invite(u)}>
              {t('studio.guests.invite')}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

function InviteLink({ sessionId }: { sessionId: string }) {
  const { api } = useServices();
  const [url, setUrl] = useState<string | null>(null);
  const create = async () => {
    const reply = await api.call(routes.createInviteLink, { params: { id: sessionId }, body: {} });
    const link = reply.url.startsWith('http') ? reply.url : `${api.baseUrl}${reply.url}`;
    setUrl(link);
    await navigator.clipboard?.writeText(link).catch(() => undefined);
  };
  return (
    <div className="share">
      <button className="secondary" data-testid="invite-link" onClick={() => void create()}>
        {t('studio.guests.copyLink')}
      </button>
      {url && <input readOnly value={url} data-testid="invite-link-url" onFocus={(e) => e.target.select()} />}
    </div>
  );
}

/** A backstage guest's live camera, small: the host sees who is waiting and whether they are ready. */
function GuestThumb({ stream, name }: { stream: MediaStream | null; name: string }) {
  const video = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    if (video.current) video.current.srcObject = stream;
  }, [stream]);
  return stream ? (
    <video ref={video} className="guest-thumb" data-testid="guest-thumb" muted autoPlay playsInline aria-label={t('guests.thumbnail', { name })} />
  ) : (
    <span className="guest-thumb empty" aria-hidden="true" />
  );
}

const STATUS_TEXT = { 'on-air': 'guests.onAir', cueing: 'guests.cueing', backstage: 'guests.backstage' } as const;

function useDirector(director: StageDirector): number {
  return useSyncExternalStore(
    (cb) => director.events.on('change', cb),
    () => director.version,
  );
}

export function GuestsPanel() {
  const { api, live: controller, director } = useServices();
  const live = useLive();
  const { state } = useChannelState();
  // Re-render when who is on air changes (scenes) or a countdown starts/ends (director).
  useStudio((s) => onAirGuests(s.scenes, s.programSceneId).join(','));
  useDirector(director);
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState(0);
  const session = live.session;
  if (!session || live.phase === 'idle') {
    return (
      <section className="panel guests">
        <header className="panel-head">
          <h2>{t('studio.guests')}</h2>
        </header>
        <p className="muted empty">{t('studio.guests.offline')}</p>
      </section>
    );
  }
  const guests = (state?.participants ?? []).filter((p) => p.role === 'guest');
  const act = (fn: () => Promise<unknown>) => void fn().catch((err: unknown) => setError(codeOf(err)));

  return (
    <section className="panel guests">
      <header className="panel-head">
        <h2>{t('studio.guests')}</h2>
      </header>
      <LayoutBar />
      <InviteSearch sessionId={session.id} onInvited={() => setSent(sent + 1)} />
      <SentInvitations sessionId={session.id} version={sent} />
      <InviteLink sessionId={session.id} />
      {error && <p className="error">{errorText(error)}</p>}
      {guests.length === 0 && <p className="muted empty">{t('studio.guests.none')}</p>}
      <ul className="list compact guest-list">
        {guests.map((g) => {
          const remote = live.guests.find((x) => x.userId === g.userId) ?? null;
          const status = director.statusOf(g.userId);
          const tag = remote ? t(STATUS_TEXT[status]) : g.connected ? t('guests.connecting') : t('guests.left');
          return (
            <li key={g.userId} data-testid="guest-item" data-status={status} data-user-id={g.userId}>
              <GuestThumb stream={remote?.stream ?? null} name={g.displayName} />
              <span className="name">
                {g.displayName} <span className={`tag ${status}`}>{tag}</span>
              </span>
              <span className="item-actions">
                {status === 'backstage' ? (
                  <button data-testid="guest-bring-on" onClick={() => director.bringOn(g.userId, g.displayName)}>
                    {t('studio.guests.bringOn')}
                  </button>
                ) : (
                  <button data-testid="guest-take-off" onClick={() => director.takeOff(g.userId)}>
                    {t('studio.guests.takeOff')}
                  </button>
                )}
                <button data-testid="guest-mute" aria-pressed={!g.audioEnabled} onClick={() => act(() => controller.guestHost?.setGuestMedia(g.userId, { audioEnabled: !g.audioEnabled }) ?? Promise.resolve())}>
                  {g.audioEnabled ? t('studio.guests.mute') : t('studio.guests.unmute')}
                </button>
                <button aria-pressed={!g.videoEnabled} onClick={() => act(() => controller.guestHost?.setGuestMedia(g.userId, { videoEnabled: !g.videoEnabled }) ?? Promise.resolve())}>
                  {g.videoEnabled ? t('studio.guests.videoOff') : t('studio.guests.videoOn')}
                </button>
                <button
                  className="danger"
                  onClick={() => {
                    director.takeOff(g.userId);
                    act(() => api.call(routes.removeParticipant, { params: { id: session.id, userId: g.userId } }));
                  }}
                >
                  {t('studio.guests.remove')}
                </button>
              </span>
            </li>
          );
        })}
      </ul>
      {director.client && <BackstageChat client={director.client} selfId={live.session?.hostId ?? null} />}
    </section>
  );
}
