import type { Message } from '../../../protocol/chat.js';
import { t } from '../i18n/index.js';

/** The newest pinned message, above the chat. */
export function PinnedBanner({ pins }: { pins: Message[] }) {
  const pin = pins[pins.length - 1];
  if (!pin) return null;
  return (
    <aside className="pinned" data-testid="pinned-message" aria-label={t('chat.pinned')}>
      <strong className="pinned-label">📌 {t('chat.pinned')}</strong> <span className="chat-author">{pin.displayName}</span>{' '}
      <span className="chat-content">{pin.content}</span>
    </aside>
  );
}
