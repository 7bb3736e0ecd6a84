import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { IngestDefaults, StreamKeysReply } from '../../../../protocol/ingest.js';
import { routes } from '../../../../protocol/routes.js';
import { t } from '../../../shared/i18n/index.js';
import { describeFailure } from '../../../shared/ui/error-text.js';
import { useServices } from '../../context.js';
import { SessionTypeSelect } from '../../live/SessionTypeSelect.js';

/** A read-only value with a Copy button that says "Copied" once it worked. */
function CopyField({ label, value, testId }: { label: string; value: string; testId: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <label className="field">
      {label}
      <span className="row">
        <input data-testid={testId} readOnly value={value} onFocus={(e) => e.target.select()} spellCheck={false} />
        <button
          type="button"
          className="secondary"
          data-testid={`${testId}-copy`}
          onClick={() => void navigator.clipboard?.writeText(value).then(() => setCopied(true), () => setCopied(false))}
        >
          {copied ? t('streamKeys.copied') : t('streamKeys.copy')}
        </button>
      </span>
    </label>
  );
}

const message = (err: unknown) => describeFailure(err);

/**
 * Stream keys for encoders (OBS, Larix…): the ingest address and keys with copy buttons, a key shown in
 * full only right after it is made, revoke and regenerate, and what a live started by an encoder is called.
 */
export function StreamKeysSection() {
  const { api } = useServices();
  const [data, setData] = useState<StreamKeysReply | null>(null);
  const [fresh, setFresh] = useState<{ id: string; secret: string } | null>(null);
  const [label, setLabel] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [defaults, setDefaults] = useState<IngestDefaults | null>(null);
  const [savedDefaults, setSavedDefaults] = useState(false);

  const load = useCallback(async () => {
    try {
      const reply = await api.call(routes.listStreamKeys);
      setData(reply);
      setDefaults((current) => current ?? reply.defaults);
    } catch (err) {
      setError(message(err));
    }
  }, [api]);
  useEffect(() => void load(), [load]);

  const act = (work: () => Promise<{ key: { id: string }; secret: string } | void>) => async () => {
    setError(null);
    try {
      const made = await work();
      setFresh(made ? { id: made.key.id, secret: made.secret } : null);
      await load();
    } catch (err) {
      setError(message(err));
    }
  };
  const create = (e: FormEvent) => {
    e.preventDefault();
    void act(async () => {
      const made = await api.call(routes.createStreamKey, { body: label.trim() ? { label: label.trim() } : {} });
      setLabel('');
      return made;
    })();
  };
  const saveDefaults = (e: FormEvent) => {
    e.preventDefault();
    if (!defaults) return;
    setSavedDefaults(false);
    api.call(routes.saveIngestDefaults, { body: defaults }).then(() => setSavedDefaults(true), (err: unknown) => setError(message(err)));
  };

  if (!data) return error ? <p className="error" role="alert">{error}</p> : <p className="muted">{t('streamKeys.loading')}</p>;
  return (
    <div className="settings-fields" data-testid="stream-keys">
      <p className="muted">{t('streamKeys.intro')}</p>
      <CopyField label={t('streamKeys.whipUrl')} value={data.ingest.whipUrl} testId="stream-keys-url" />
      {data.ingest.rtmpUrl && <CopyField label={t('streamKeys.rtmpUrl')} value={data.ingest.rtmpUrl} testId="stream-keys-rtmp-url" />}
      {fresh && (
        <div className="stream-key-fresh" data-testid="stream-key-fresh">
          <CopyField label={t('streamKeys.yourKey')} value={fresh.secret} testId="stream-key-secret" />
          <p className="muted">{t('streamKeys.onceOnly')}</p>
        </div>
      )}
      <ul className="stream-key-list" data-testid="stream-key-list">
        {data.keys.length === 0 && <li className="muted">{t('streamKeys.none')}</li>}
        {data.keys.map((key) => (
          <li key={key.id} className="row" data-testid="stream-key-item" data-key-id={key.id}>
            <span className="stream-key-name">
              <strong>{key.label}</strong> <code>••••{key.last4}</code>
              <span className="muted"> {key.lastUsedAt ? t('streamKeys.lastUsed', { when: new Date(key.lastUsedAt).toLocaleString() }) : t('streamKeys.neverUsed')}</span>
            </span>
            <button type="button" className="secondary" data-testid="stream-key-regenerate" onClick={() => window.confirm(t('streamKeys.confirmRegenerate')) && void act(() => api.call(routes.regenerateStreamKey, { params: { keyId: key.id } }))()}>
              {t('streamKeys.regenerate')}
            </button>
            <button type="button" className="secondary" data-testid="stream-key-revoke" onClick={() => window.confirm(t('streamKeys.confirmRevoke')) && void act(() => api.call(routes.revokeStreamKey, { params: { keyId: key.id } }))()}>
              {t('streamKeys.revoke')}
            </button>
          </li>
        ))}
      </ul>
      <form className="row" onSubmit={create}>
        <input data-testid="stream-key-label" placeholder={t('streamKeys.labelPlaceholder')} maxLength={64} value={label} onChange={(e) => setLabel(e.target.value)} />
        <button type="submit" data-testid="stream-key-create">{t('streamKeys.create')}</button>
      </form>
      {error && <p className="error" role="alert" data-testid="stream-keys-error">{error}</p>}
      {defaults && (
        <form className="settings-fields" onSubmit={saveDefaults}>
          <p className="muted">{t('streamKeys.defaultsHint')}</p>
          <label className="field">
            {t('streamKeys.defaultTitle')}
            <input data-testid="ingest-default-title" maxLength={120} value={defaults.title} onChange={(e) => setDefaults({ ...defaults, title: e.target.value })} />
          </label>
          <div className="grid2">
            <label className="field">
              {t('streamKeys.defaultType')}
              <SessionTypeSelect testId="ingest-default-type" value={defaults.type} onChange={(type) => setDefaults({ ...defaults, type })} />
            </label>
            <label className="field">
              <span>
                <input data-testid="ingest-default-public" type="checkbox" checked={defaults.isPublic} onChange={(e) => setDefaults({ ...defaults, isPublic: e.target.checked })} /> {t('studio.live.public')}
              </span>
            </label>
          </div>
          <div className="row">
            <button type="submit" data-testid="ingest-default-save" disabled={!defaults.title.trim()}>{t('streamKeys.saveDefaults')}</button>
            {savedDefaults && <span className="muted" role="status">{t('settings.saved')}</span>}
          </div>
        </form>
      )}
      <details data-testid="stream-keys-obs-guide">
        <summary>{t('streamKeys.obsGuideTitle')}</summary>
        <ol>
          <li>{t('streamKeys.obsStep1')}</li>
          <li>{t('streamKeys.obsStep2')}</li>
          <li>{t('streamKeys.obsStep3')}</li>
        </ol>
      </details>
    </div>
  );
}
