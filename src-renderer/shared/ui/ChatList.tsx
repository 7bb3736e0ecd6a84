import { useEffect, useRef } from 'react';
import type { Message } from '../../../protocol/chat.js';
import type { PendingMessage } from '../realtime/chat-log.js';
import { t } from '../i18n/index.js';
import { describeApiError, isRetryWorthwhile } from './error-text.js';
import './chat-badge.css';

interface ChatListProps {
  messages: Message[];
  pending: readonly PendingMessage[];
  onRetry?: (clientMessageId: string) => void;
  onDiscard?: (clientMessageId: string) => void;
  /** Host and moderator badges beside names (who speaks with authority in this chat). */
  badgeOf?: (userId: string) => 'host' | 'moderator' | null;
}

/**
 * The chat log. Content is rendered as React text children only — never as HTML — so whatever a
 * message contains is shown literally.
 */
export function ChatList({ messages, pending, onRetry, onDiscard, badgeOf }: ChatListProps) {
  const end = useRef<HTMLLIElement>(null);
  const count = messages.length + pending.length;
  useEffect(() => {
    end.current?.scrollIntoView?.({ block: 'end' });
  }, [count]);
  return (
    <ol className="chat-list" aria-label={t('chat.log')} aria-live="polite">
      {count === 0 && <li className="chat-empty">{t('chat.empty')}</li>}
      {messages.map((m) => (
        <li key={m.id} className={`chat-message${m.type === 'system' ? ' chat-system' : ''}`} data-testid="chat-message" data-message-id={m.id}>
          <ChatBadge role={badgeOf?.(m.userId) ?? null} />
          <span className="chat-author">{m.displayName}</span> <span className="chat-content">{m.content}</span>
        </li>
      ))}
      {pending.map((p) => (
        <li key={p.clientMessageId} className={`chat-message chat-${p.status}`} data-testid="chat-pending" data-status={p.status}>
          <span className="chat-content">{p.content}</span>{' '}
          {p.status === 'pending' ? (
            <span className="chat-note">{t('chat.pending')}</span>
          ) : (
            <span className="chat-note" data-testid="chat-failed-reason" data-code={p.error?.code}>
              {t('chat.failed', { reason: p.error ? describeApiError(p.error) : t('error.generic') })}{' '}
              {onRetry && isRetryWorthwhile(p.error) && (
                <button type="button" className="link" onClick={() => onRetry(p.clientMessageId)}>
                  {t('chat.retry')}
                </button>
              )}
              {onDiscard && (
                <button type="button" className="link" onClick={() => onDiscard(p.clientMessageId)}>
                  {t('chat.discard')}
                </button>
              )}
            </span>
          )}
        </li>
      ))}
      <li ref={end} aria-hidden="true" className="chat-end" />
    </ol>
  );
}

/** "Host" / "Mod" before a name. */
export function ChatBadge({ role }: { role: 'host' | 'moderator' | null }) {
  if (!role) return null;
  return (
    <span className={`chat-badge chat-badge-${role}`} data-testid="chat-badge" data-role={role}>
      {t(role === 'host' ? 'chat.badge.host' : 'chat.badge.moderator')}
    </span>
  );
}
