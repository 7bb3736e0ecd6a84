import { useState, type FormEvent } from 'react';
import { MESSAGE_MAX_LENGTH } from '../../../protocol/chat.js';
import { t } from '../i18n/index.js';

/** The message box; the parent's `onSend` queues the text (the outbox delivers it). */
export function ChatComposer({ onSend, disabled }: { onSend: (text: string) => void; disabled?: boolean }) {
  const [text, setText] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) return;
    onSend(text);
    setText('');
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
      <button type="submit" data-testid="chat-send" disabled={disabled || !text.trim()}>
        {t('chat.send')}
      </button>
    </form>
  );
}
