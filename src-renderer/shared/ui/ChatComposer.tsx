import { useEffect, useState, type FormEvent } from 'react';
import { MESSAGE_MAX_LENGTH } from '../../../protocol/chat.js';
import { t } from '../i18n/index.js';

interface ChatComposerProps {
  onSend: (text: string) => void;
  disabled?: boolean;
  /** Slow mode: after a message, the Send button counts this many seconds down instead of letting a message stick at "Sending…". */
  cooldownSeconds?: number;
}

/** The message box; the parent's `onSend` queues the text (the outbox delivers it). */
export function ChatComposer({ onSend, disabled, cooldownSeconds = 0 }: ChatComposerProps) {
  const [text, setText] = useState('');
  const [waitUntil, setWaitUntil] = useState(0);
  const [now, setNow] = useState(() => Date.now());
  const left = cooldownSeconds > 0 ? Math.ceil((waitUntil - now) / 1000) : 0;
  useEffect(() => {
    if (left <= 0) return;
    const timer = setTimeout(() => setNow(Date.now()), 250);
    return () => clearTimeout(timer);
  }, [left, now]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim() || left > 0) return;
    onSend(text);
    setText('');
    if (cooldownSeconds > 0) {
      setNow(Date.now());
      setWaitUntil(Date.now() + cooldownSeconds * 1000);
    }
  };
  return (
    <form className="chat-composer" onSubmit={submit}>
      <label className="visually-hidden" htmlFor="chat-input">
        {t('chat.inputLabel')}
      </label>
      <input
        id="chat-input"
        data-testid="chat-input"
        value={text}
        maxLength={MESSAGE_MAX_LENGTH}
        placeholder={t('chat.placeholder')}
        autoComplete="off"
        disabled={disabled}
        onChange={(e) => setText(e.target.value)}
      />
      <button type="submit" data-testid="chat-send" data-wait={left > 0 ? left : undefined} disabled={disabled || !text.trim() || left > 0}>
        {left > 0 ? t('chat.waitSeconds', { seconds: left }) : t('chat.send')}
      </button>
    </form>
  );
}
