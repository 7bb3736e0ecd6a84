import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ModerationPeopleReply } from '../../../../protocol/chat.js';
import { chatClient } from '../chat-client.js';
import type { Role } from '../../../../protocol/sessions.js';
import { RelayError } from '../../../shared/api/client.js';
import { t } from '../../../shared/i18n/index.js';
import { useServices, useStudio } from '../../context.js';
import { errorText } from '../../../shared/ui/error-text.js';
import { useChannelState } from '../../live/use-channel.js';
import { peopleInChat } from '../moderator-candidates.js';
import { moderationActions, type Target } from './actions.js';
import { BanForm } from './BanForm.js';
import './people.css';

type Status = 'present' | 'muted' | 'banned';
interface Person extends Target {
  role: Role | null;
  status: Status;
  until?: string | null;
  reason?: string | null;
}

const REFRESH_MS = 5_000;
const EMPTY: ModerationPeopleReply = { mutes: [], bans: [] };

/** "4:32" left of a timed mute, or "until lifted". */
function remaining(until: string | null | undefined, now: number): string {
  if (!until) return t('people.untilLifted');
  const s = Math.max(0, Math.round((Date.parse(until) - now) / 1000));
  return t('people.mutedLeft', { time: `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}` });
}

/**
 * Everyone the host can act on: people on the live (roles), recent chatters, the muted (with a countdown)
 * and the banned (with the reason); unmute and unban are one click, every action offers Undo.
 */
export function PeopleDrawer({ sessionId, onClose }: { sessionId: string; onClose: () => void }) {
  const { api } = useServices();
  const { state } = useChannelState();
  const selfId = useStudio((s) => s.user?.id ?? null);
  const [restricted, setRestricted] = useState<ModerationPeopleReply>(EMPTY);
  const [error, setError] = useState<string | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const [banning, setBanning] = useState<string | null>(null);

  const load = useCallback(() => {
    chatClient(api, sessionId).restricted().then(setRestricted, (err: unknown) =>
      setError(errorText(err instanceof RelayError ? err.error.code : 'unavailable')),
    );
  }, [api, sessionId]);
  useEffect(() => {
    load();
    const timer = setInterval(load, REFRESH_MS);
    const tick = setInterval(() => setNow(Date.now()), 1000);
    return () => {
      clearInterval(timer);
      clearInterval(tick);
    };
  }, [load]);
  const actions = useMemo(() => moderationActions(api, sessionId, load), [api, sessionId, load]);
  const run = (p: Promise<unknown>) => void p.then(() => setError(null), (err: unknown) => setError(errorText(err instanceof RelayError ? err.error.code : 'unavailable')));

  const people = useMemo(() => {
    const byId = new Map<string, Person>();
    for (const p of peopleInChat(state?.participants ?? [], state?.messages ?? []).values()) byId.set(p.userId, { ...p, status: 'present' });
    for (const m of restricted.mutes) byId.set(m.userId, { ...(byId.get(m.userId) ?? { role: null }), userId: m.userId, displayName: m.displayName, status: 'muted', until: m.until });
    for (const b of restricted.bans) byId.set(b.userId, { ...(byId.get(b.userId) ?? { role: null }), userId: b.userId, displayName: b.displayName, status: 'banned', reason: b.reason });
    byId.delete(selfId ?? '');
    const order: Record<Status, number> = { banned: 0, muted: 1, present: 2 };
    return [...byId.values()].sort((a, b) => order[a.status] - order[b.status] || a.displayName.localeCompare(b.displayName));
  }, [state?.participants, state?.messages, restricted, selfId]);

  return (
    <aside className="people-drawer" data-testid="people-drawer" aria-label={t('people.title')}>
      <header className="panel-head">
        <h2>{t('people.title')}</h2>
        <button className="secondary" data-testid="people-close" onClick={onClose} aria-label={t('common.close')}>
          ✕
        </button>
      </header>
      {error && <p className="error" role="alert">{error}</p>}
      {people.length === 0 && <p className="muted empty">{t('people.empty')}</p>}
      <ul className="people-list">
        {people.map((p) => (
          <li key={p.userId} data-testid="person-item" data-user-id={p.userId} data-status={p.status} className={`person person-${p.status}`}>
            <div className="person-line">
              <span className="name">{p.displayName}</span>
              {p.role && p.role !== 'viewer' && <span className="tag">{t(`people.role.${p.role}`)}</span>}
              {p.status === 'muted' && (
                <span className="tag warn" data-testid="person-mute-left">
                  {remaining(p.until, now)}
                </span>
              )}
              {p.status === 'banned' && <span className="tag live">{t('people.banned')}</span>}
            </div>
            {p.status === 'banned' && (
              <p className="muted person-reason" data-testid="person-ban-reason">
                {p.reason ? t('people.reason', { reason: p.reason }) : t('people.noReason')}
              </p>
            )}
            <div className="person-actions">
              {p.status === 'muted' && (
                <button className="secondary" data-testid="person-unmute" onClick={() => run(actions.unmute(p))}>
                  {t('people.unmute')}
                </button>
              )}
              {p.status === 'banned' && (
                <button className="secondary" data-testid="person-unban" onClick={() => run(actions.unban(p))}>
                  {t('people.unban')}
                </button>
              )}
              {p.status === 'present' && p.role !== 'host' && (
                <>
                  <button className="secondary" data-testid="person-mute" onClick={() => run(actions.mute(p, 300))}>
                    {t('people.mute5')}
                  </button>
                  <button className="secondary" data-testid="person-ban" onClick={() => setBanning(banning === p.userId ? null : p.userId)}>
                    {t('studio.chat.banShort')}…
                  </button>
                </>
              )}
            </div>
            {banning === p.userId && (
              <BanForm
                name={p.displayName}
                onCancel={() => setBanning(null)}
                onBan={(options) => {
                  setBanning(null);
                  run(actions.ban(p, options));
                }}
              />
            )}
          </li>
        ))}
      </ul>
    </aside>
  );
}
