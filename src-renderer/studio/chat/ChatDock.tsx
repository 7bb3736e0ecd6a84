import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Message } from '../../../protocol/chat.js';
import { RelayError } from '../../shared/api/client.js';
import { t } from '../../shared/i18n/index.js';
import { useServices, useStudio } from '../context.js';
import { errorText } from '../../shared/ui/error-text.js';
import { chatClient } from './chat-client.js';
import { ChatSettingsForm } from './ChatSettingsForm.js';
import { moderatorCandidates } from './moderator-candidates.js';
import { useChannelState } from '../live/use-channel.js';
import { useConnectionState } from '../live/health/use-health.js';
import { moderationActions } from './people/actions.js';
import { BanForm } from './people/BanForm.js';
import { PeopleDrawer } from './people/PeopleDrawer.js';
import { ChatBadge } from '../../shared/ui/ChatList.js';
import { GiftsDock } from '../gifts/GiftsDock.js';
import './chat-dock.css';

const MUTE_CHOICES = [60, 300, 600, 3600];

function MessageRow({
  m,
  sessionId,
  selfId,
  onError,
  badge,
}: {
  m: Message;
  sessionId: string;
  selfId: string | null;
  onError: (code: string) => void;
  badge: 'host' | 'moderator' | null;
}) {
  const { api } = useServices();
  const [muteFor, setMuteFor] = useState(300);
  const [banning, setBanning] = useState(false);
  const actions = moderationActions(api, sessionId);
  const chat = chatClient(api, sessionId);
  const who = { userId: m.userId, displayName: m.displayName };
  const run = (fn: () => Promise<unknown>) => void fn().catch((err: unknown) => onError(err instanceof RelayError ? err.error.code : 'unavailable'));
  const other = m.userId !== selfId;
  return (
    <li data-testid="chat-message" data-message-id={m.id} className={m.pinned ? 'pinned' : ''}>
      <ChatBadge role={badge} />
      <span className="author">{m.displayName}</span> <span className="content">{m.content}</span>
      <span className="msg-actions">
        <button data-testid="msg-pin" title={m.pinned ? t('studio.chat.unpin') : t('studio.chat.pin')} onClick={() => run(() => (m.pinned ? chat.unpin(m.id) : chat.pin(m.id)))}>
          {m.pinned ? t('studio.chat.unpin') : t('studio.chat.pin')}
        </button>
        <button data-testid="msg-delete" title={t('studio.chat.delete')} onClick={() => run(() => chat.remove(m.id))}>
          {t('studio.delete')}
        </button>
        {other && (
          <>
            <select aria-label={t('studio.chat.muteFor')} value={muteFor} onChange={(e) => setMuteFor(Number(e.target.value))}>
              {MUTE_CHOICES.map((s) => (
                <option key={s} value={s}>
                  {s < 3600 ? `${s / 60} min` : '1 h'}
                </option>
              ))}
            </select>
            <button
              data-testid="msg-mute"
              title={t('studio.chat.mute')}
              onClick={() => run(() => actions.mute(who, muteFor))}
            >
              {t('studio.chat.muteShort')}
            </button>
            <button data-testid="msg-ban" title={t('studio.chat.ban')} onClick={() => setBanning(!banning)}>
              {t('studio.chat.banShort')}…
            </button>
          </>
        )}
      </span>
      {banning && (
        <BanForm
          name={m.displayName}
          onCancel={() => setBanning(false)}
          onBan={(options) => {
            setBanning(false);
            run(() => actions.ban(who, options));
          }}
        />
      )}
    </li>
  );
}

function Moderators({ sessionId }: { sessionId: string }) {
  const { api } = useServices();
  const { state } = useChannelState();
  const people = moderatorCandidates(state?.participants ?? [], state?.messages ?? [], state?.session?.hostId ?? null);
  const setRole = (userId: string, role: 'moderator' | 'viewer') => void chatClient(api, sessionId).setRole(userId, role).catch(() => undefined);
  return (
    <details className="moderators" data-testid="moderators">
      <summary>{t('studio.chat.moderators')}</summary>
      {people.length === 0 && <p className="muted empty">{t('studio.chat.moderatorsEmpty')}</p>}
      <ul className="list compact">
        {people.map((p) => (
          <li key={p.userId} data-testid="moderator-candidate" data-role={p.role}>
            <span className="name">
              {p.displayName} {p.role === 'moderator' && <span className="tag">{t('studio.chat.moderator')}</span>}
            </span>
            <button className="secondary" data-testid="moderator-toggle" onClick={() => setRole(p.userId, p.role === 'moderator' ? 'viewer' : 'moderator')}>
              {p.role === 'moderator' ? t('studio.chat.removeModerator') : t('studio.chat.makeModerator')}
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
}

/** Live chat with moderation, docked beside the canvases. */
export function ChatDock() {
  const { channel, state } = useChannelState();
  const selfId = useStudio((s) => s.user?.id ?? null);
  const connection = useConnectionState();
  const [peopleOpen, setPeopleOpen] = useState(false);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const hostId = state?.session?.hostId ?? null;
  const roles = new Map((state?.participants ?? []).map((p) => [p.userId, p.role]));
  const badgeOf = (userId: string) => (userId === hostId ? 'host' : roles.get(userId) === 'moderator' ? 'moderator' : null);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const messages = state?.messages ?? [];

  useEffect(() => {
    listRef.current?.scrollTo({ top: listRef.current.scrollHeight });
  }, [messages.length]);

  const send = (e: FormEvent) => {
    e.preventDefault();
    if (channel?.send(text)) setText('');
  };
  const reactions = Object.entries(state?.reactions ?? {});

  return (
    <section className="panel chat">
      <header className="panel-head">
        <h2>{t('studio.chat')}</h2>
        {/* With the relay unreachable the last count is stale: say nothing rather than claim viewers. */}
        {state && connection === 'connected' && <span className="muted">{t('studio.chat.viewers', { count: state.viewerCount })}</span>}
        {channel && (
          <button
            className="secondary"
            data-testid="chat-settings-toggle"
            aria-expanded={settingsOpen}
            title={t('studio.chat.settings')}
            aria-label={t('studio.chat.settings')}
            onClick={() => setSettingsOpen(!settingsOpen)}
          >
            ⚙
          </button>
        )}
        {channel && (
          <button className="secondary" data-testid="people-open" aria-expanded={peopleOpen} title={t('people.openHint')} onClick={() => setPeopleOpen(!peopleOpen)}>
            👥 {t('people.title')}
          </button>
        )}
      </header>
      {channel && peopleOpen && <PeopleDrawer sessionId={channel.sessionId} onClose={() => setPeopleOpen(false)} />}
      {!channel || !state ? (
        <p className="muted empty">{t('studio.chat.offline')}</p>
      ) : (
        <>
          {state.pins.length > 0 && (
            <div className="pinned-bar" data-testid="dock-pinned">
              {t('studio.chat.pinned')}: <strong>{state.pins.at(-1)?.displayName}</strong> {state.pins.at(-1)?.content}
            </div>
          )}
          {reactions.length > 0 && (
            <div className="reactions">
              {reactions.map(([emoji, n]) => (
                <span key={emoji}>
                  {emoji} {n}
                </span>
              ))}
            </div>
          )}
          <GiftsDock />
          {error && <p className="error">{errorText(error)}</p>}
          {/* Opened from the header, the settings sit above the log: on screen even on a 768-pixel-high window. */}
          {settingsOpen && (
            <div className="chat-settings-top" data-testid="chat-settings-panel">
              <Moderators sessionId={channel.sessionId} />
              <ChatSettingsForm sessionId={channel.sessionId} />
            </div>
          )}
          <ol className="chat-log" ref={listRef}>
            {messages.length === 0 && state.pending.length === 0 && <li className="muted empty">{t('studio.chat.empty')}</li>}
            {messages.map((m) => (
              <MessageRow key={m.id} m={m} sessionId={channel.sessionId} selfId={selfId} onError={setError} badge={badgeOf(m.userId)} />
            ))}
            {state.pending.map((p) => (
              <li key={p.clientMessageId} className="pending">
                <span className="content">{p.content}</span>
              </li>
            ))}
          </ol>
          <form className="chat-form" onSubmit={send}>
            <input data-testid="chat-input" maxLength={500} value={text} placeholder={t('studio.chat.placeholder')} onChange={(e) => setText(e.target.value)} />
            <button data-testid="chat-send" type="submit">
              {t('studio.chat.send')}
            </button>
          </form>
          {!settingsOpen && (
            <>
              <Moderators sessionId={channel.sessionId} />
              <ChatSettingsForm sessionId={channel.sessionId} />
            </>
          )}
        </>
      )}
    </section>
  );
}
