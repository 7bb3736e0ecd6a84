import { useEffect, useState } from 'react';
import type { ChatSettings } from '../../../protocol/chat.js';
import { RelayError } from '../../shared/api/client.js';
import { t } from '../../shared/i18n/index.js';
import { useServices } from '../context.js';
import { errorText } from '../../shared/ui/error-text.js';
import { chatClient } from './chat-client.js';

/** Slow mode and blocked terms (chat/settings routes). */
export function ChatSettingsForm({ sessionId }: { sessionId: string }) {
  const { api } = useServices();
  const [settings, setSettings] = useState<ChatSettings | null>(null);
  const [terms, setTerms] = useState('');
  const [status, setStatus] = useState<string | null>(null);

  useEffect(() => {
    void chatClient(api, sessionId)
      .settings()
      .then((r) => {
        setSettings(r.settings);
        setTerms(r.settings.blockedTerms.join(', '));
      })
      .catch(() => undefined);
  }, [api, sessionId]);

  const save = async () => {
    if (!settings) return;
    const blockedTerms = terms.split(',').map((s) => s.trim()).filter(Boolean);
    try {
      const r = await chatClient(api, sessionId).updateSettings({ slowModeSeconds: settings.slowModeSeconds, blockedTerms });
      setSettings(r.settings);
      setStatus(t('studio.saved'));
    } catch (err) {
      setStatus(errorText(err instanceof RelayError ? err.error.code : 'unavailable'));
    }
  };

  if (!settings) return null;
  return (
    <details className="chat-settings">
      <summary>{t('studio.chat.settings')}</summary>
      <label className="field">
        {t('studio.chat.slowMode')}
        <input
          type="number"
          min={0}
          max={600}
          value={settings.slowModeSeconds}
          onChange={(e) => setSettings({ ...settings, slowModeSeconds: Math.max(0, Math.min(600, Number(e.target.value) || 0)) })}
        />
      </label>
      <label className="field wide">
        {t('studio.chat.blockedTerms')}
        <input value={terms} onChange={(e) => setTerms(e.target.value)} placeholder="spam, scam" />
      </label>
      <button className="secondary" onClick={() => void save()}>
        {t('common.save')}
      </button>
      {status && <span className="muted">{status}</span>}
    </details>
  );
}
