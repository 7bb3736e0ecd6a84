import { useState, type FormEvent } from 'react';
import { t } from '../../shared/i18n/index.js';
import type { SessionChannel, SessionChannelState } from '../../shared/realtime/index.js';
import { ChatComposer } from '../../shared/ui/ChatComposer.js';
import { ChatList } from '../../shared/ui/ChatList.js';
import { PinnedBanner } from '../../shared/ui/PinnedBanner.js';

interface ChatPanelProps {
  channel: SessionChannel;
  state: SessionChannelState;
  /** Null once the viewer has a chat name; else the name form is shown instead of the composer. */
  onChooseName: ((name: string) => Promise<string | null>) | null;
}

export function ChatPanel({ channel, state, onChooseName }: ChatPanelProps) {
  const hostId = state.session?.hostId ?? null;
  const roles = new Map(state.participants.map((p) => [p.userId, p.role]));
  const badgeOf = (userId: string) => (userId === hostId ? 'host' : roles.get(userId) === 'moderator' ? 'moderator' : null);
  const selfId = channel.selfId();
  // The host and moderators are not slowed down (the relay exempts them too).
  const slow = selfId && badgeOf(selfId) ? 0 : state.slowModeSeconds;
  return (
    <section className="side" aria-labelledby="chat-title">
      <h2 id="chat-title">{t('chat.title')}</h2>
      <PinnedBanner pins={state.pins} />
      {slow > 0 && (
        <p className="notice slow-mode" data-testid="slow-mode-banner" role="status">
          🐢 {t('chat.slowMode', { seconds: slow })}
        </p>
      )}
      <ChatList
        badgeOf={badgeOf}
        messages={state.messages}
        pending={state.pending}
        onRetry={(id) => channel.retry(id)}
        onDiscard={(id) => channel.discard(id)}
      />
      {state.banned ? (
        <p className="notice error">{t('chat.banned')}</p>
      ) : state.session?.state === 'ended' ? (
        <p className="notice" data-testid="chat-ended">
          {t('watch.chatEnded')}
        </p>
      ) : onChooseName ? (
        <NameForm onSubmit={onChooseName} />
      ) : (
        <>
          {state.muted && <p className="notice">{t('chat.muted')}</p>}
          <ChatComposer onSend={(text) => channel.send(text)} cooldownSeconds={slow} />
        </>
      )}
    </section>
  );
}

function NameForm({ onSubmit }: { onSubmit: (name: string) => Promise<string | null> }) {
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return;
    setBusy(true);
    setError(await onSubmit(name.trim()));
    setBusy(false);
  };
  return (
    <form className="chat-composer" onSubmit={(e) => void submit(e)} aria-describedby="name-prompt">
      <p id="name-prompt" className="visually-hidden">
        {t('chat.namePrompt')}
      </p>
      <label className="visually-hidden" htmlFor="display-name">
        {t('chat.nameLabel')}
      </label>
      <input
        id="display-name"
        data-testid="display-name-input"
        value={name}
        maxLength={50}
        placeholder={t('chat.namePrompt')}
        onChange={(e) => setName(e.target.value)}
      />
      <button type="submit" data-testid="display-name-submit" disabled={busy || !name.trim()}>
        {t('chat.nameSubmit')}
      </button>
      {error && (
        <p className="notice error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
