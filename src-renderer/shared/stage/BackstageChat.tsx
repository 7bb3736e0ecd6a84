import './stage.css';
import { useState, type FormEvent } from 'react';
import { useStore } from 'zustand';
import { t } from '../i18n/index.js';
import { describeApiError } from '../ui/error-text.js';
import type { StageClient } from './stage-client.js';

/** The private chat between the host and the guests; viewers never see it. */
export function BackstageChat({ client, selfId }: { client: StageClient; selfId: string | null }) {
  const messages = useStore(client.store, (s) => s.messages);
  const sendError = useStore(client.store, (s) => s.sendError);
  const [text, setText] = useState('');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) return;
    if (await client.send(text)) setText('');
  };
  return (
    <section className="backstage-chat" data-testid="backstage-chat" aria-label={t('stage.chatTitle')}>
      <h3>{t('stage.chatTitle')}</h3>
      <p className="muted small">{t('stage.chatPrivate')}</p>
      <ul className="backstage-lines">
        {messages.map((m) => (
          <li key={m.id} data-testid="backstage-message" className={m.userId === selfId ? 'own' : undefined}>
            <span className="who">
              {m.displayName}
              {m.role === 'host' && <span className="tag">{t('stage.hostTag')}</span>}
            </span>{' '}
            <span className="what">{m.content}</span>
          </li>
        ))}
      </ul>
      {sendError && (
        <p className="notice error" role="alert">
          {describeApiError(sendError)}
        </p>
      )}
      <form className="chat-composer" onSubmit={(e) => void submit(e)}>
        <input
          data-testid="backstage-input"
          aria-label={t('stage.chatInput')}
          placeholder={t('stage.chatInput')}
          maxLength={500}
          autoComplete="off"
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <button type="submit" data-testid="backstage-send" disabled={!text.trim()}>
          {t('chat.send')}
        </button>
      </form>
    </section>
  );
}
