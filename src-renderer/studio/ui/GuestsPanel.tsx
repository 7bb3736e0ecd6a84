import { useState } from 'react';
import { routes } from '../../../protocol/routes.js';
import type { User } from '../../../protocol/users.js';
import { RelayError } from '../../shared/api/client.js';
import { t } from '../../shared/i18n/index.js';
import { useLive, useServices, useStudio } from './context.js';
import { errorText } from './error-text.js';
import { useChannelState } from './use-channel.js';

function codeOf(err: unknown): string {
  return err instanceof RelayError ? err.error.code : 'unavailable';
}

function InviteSearch({ sessionId }: { sessionId: string }) {
  const { api } = useServices();
  const [query, setQuery] = useState('');
  const [users, setUsers] = useState<User[]>([]);
  const [invited, setInvited] = useState<Set<string>>(new Set());
  const [error, setError] = useState<string | null>(null);

  const search = async (q: string) => {
    setQuery(q);
    if (q.trim().length === 0) return setUsers([]);
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
      setInvited(new Set([...invited, user.id]));
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
            <button data-testid="invite-user" disabled={invited.has(u.id)} onClick={() => void invite(u)}>
              {invited.has(u.id) ? t('studio.guests.invited') : t('studio.guests.invite')}
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

export function GuestsPanel() {
  const { api, store, live: controller } = useServices();
  const live = useLive();
  const { state } = useChannelState();
  const onStageIds = useStudio((s) => s.scenes.flatMap((x) => x.sources).flatMap((src) => (src.kind === 'guest' ? [src.userId] : [])));
  const onStage = new Set(onStageIds);
  const [error, setError] = useState<string | null>(null);
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
  const takeOff = (userId: string) => {
    for (const scene of store.getState().scenes)
      for (const src of scene.sources) if (src.kind === 'guest' && src.userId === userId) store.getState().removeSource(src.id);
  };

  return (
    <section className="panel guests">
      <header className="panel-head">
        <h2>{t('studio.guests')}</h2>
      </header>
      <InviteSearch sessionId={session.id} />
      <InviteLink sessionId={session.id} />
      {error && <p className="error">{errorText(error)}</p>}
      {guests.length === 0 && <p className="muted empty">{t('studio.guests.none')}</p>}
      <ul className="list compact">
        {guests.map((g) => {
          const staged = onStage.has(g.userId);
          const linked = live.guests.some((x) => x.userId === g.userId);
          return (
            <li key={g.userId} data-testid="guest-item">
              <span className="name">
                {g.displayName}{' '}
                <span className="tag">{staged ? t('studio.guests.onStage') : linked ? t('studio.guests.backstage') : t('studio.guests.waiting')}</span>
              </span>
              <span className="item-actions">
                {staged ? (
                  <button onClick={() => takeOff(g.userId)}>{t('studio.guests.takeOff')}</button>
                ) : (
                  <button data-testid="guest-bring-on" onClick={() => store.getState().addSource('guest', { userId: g.userId, displayName: g.displayName })}>
                    {t('studio.guests.bringOn')}
                  </button>
                )}
                <button aria-pressed={!g.audioEnabled} onClick={() => act(() => controller.guestHost?.setGuestMedia(g.userId, { audioEnabled: !g.audioEnabled }) ?? Promise.resolve())}>
                  {g.audioEnabled ? t('studio.guests.mute') : t('studio.guests.unmute')}
                </button>
                <button aria-pressed={!g.videoEnabled} onClick={() => act(() => controller.guestHost?.setGuestMedia(g.userId, { videoEnabled: !g.videoEnabled }) ?? Promise.resolve())}>
                  {g.videoEnabled ? t('studio.guests.videoOff') : t('studio.guests.videoOn')}
                </button>
                <button
                  className="danger"
                  onClick={() => {
                    takeOff(g.userId);
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
    </section>
  );
}
