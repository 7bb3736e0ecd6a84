import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { DESTINATION_PRESETS, DestinationKey, DestinationService, DestinationUrl, type Destination, type DestinationsReply } from '../../../protocol/destinations.js';
import { routes } from '../../../protocol/routes.js';
import { t } from '../../shared/i18n/index.js';
import { describeFailure } from '../../shared/ui/error-text.js';
import { useServices } from '../context.js';
import './destinations.css';

type Service = DestinationService;
const SERVICES = DestinationService.options;

interface Draft {
  name: string;
  service: Service;
  url: string;
  streamKey: string;
}

const emptyDraft = (): Draft => ({ name: t('destinations.service.youtube'), service: 'youtube', url: DESTINATION_PRESETS.youtube.url, streamKey: '' });

/** What is wrong with a draft, checked with the relay's own schemas before sending (null: nothing). */
function draftProblem(draft: Pick<Draft, 'url' | 'streamKey'>): string | null {
  if (!DestinationUrl.safeParse(draft.url).success) return t('destinations.badUrl');
  if (!DestinationKey.safeParse(draft.streamKey).success) return t('destinations.badKey');
  return null;
}

/** One destination: its name, platform, address, the key's last 4, "send when I go live", replace key, delete. */
function DestinationItem({ destination, onChanged, onError }: { destination: Destination; onChanged: () => void; onError: (message: string) => void }) {
  const { api } = useServices();
  const [newKey, setNewKey] = useState<string | null>(destination.keyReadable ? null : '');
  const params = { destinationId: destination.id };
  const run = (work: () => Promise<unknown>) => work().then(onChanged, (err: unknown) => onError(describeFailure(err)));
  const saveKey = (e: FormEvent) => {
    e.preventDefault();
    if (newKey === null) return;
    if (!DestinationKey.safeParse(newKey).success) return onError(t('destinations.badKey'));
    void run(() => api.call(routes.updateDestination, { params, body: { streamKey: newKey } })).then(() => setNewKey(null));
  };
  return (
    <li className="destination-item" data-testid="destination-item" data-destination-id={destination.id}>
      <div className="row">
        <span className="destination-name">
          <strong>{destination.name}</strong> <span className="muted">{t(`destinations.service.${destination.service}`)}</span>
          <br />
          <code>{destination.url}</code> <code>••••{destination.keyLast4}</code>
        </span>
        <label className="inline">
          <input
            type="checkbox"
            data-testid="destination-enabled"
            checked={destination.enabled}
            onChange={(e) => void run(() => api.call(routes.updateDestination, { params, body: { enabled: e.target.checked } }))}
          />
          {t('destinations.enabled')}
        </label>
        <button type="button" className="secondary" data-testid="destination-new-key" onClick={() => setNewKey(newKey === null ? '' : null)}>
          {t('destinations.newKey')}
        </button>
        <button
          type="button"
          className="secondary"
          data-testid="destination-delete"
          onClick={() => window.confirm(t('destinations.confirmDelete', { name: destination.name })) && void run(() => api.call(routes.deleteDestination, { params }))}
        >
          {t('destinations.delete')}
        </button>
      </div>
      {!destination.keyReadable && <p className="error" data-testid="destination-key-unreadable">{t('destinations.keyUnreadable')}</p>}
      {newKey !== null && (
        <form className="row" onSubmit={saveKey}>
          <input type="password" autoComplete="off" data-testid="destination-key-input" placeholder={t('destinations.key')} value={newKey} onChange={(e) => setNewKey(e.target.value)} />
          <button type="submit" data-testid="destination-key-save">{t('destinations.saveKey')}</button>
        </form>
      )}
    </li>
  );
}

/**
 * Settings → Destinations: the platforms a live is also sent to (YouTube, Twitch, TikTok, Kick, any
 * RTMP server). The key is typed once and kept encrypted by the relay, which shows its last 4 only.
 */
export function DestinationsSection() {
  const { api } = useServices();
  const [data, setData] = useState<DestinationsReply | null>(null);
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [error, setError] = useState<string | null>(null);
  const [added, setAdded] = useState(false);

  const load = useCallback(async () => {
    try {
      setData(await api.call(routes.listDestinations));
    } catch (err) {
      setError(describeFailure(err));
    }
  }, [api]);
  useEffect(() => void load(), [load]);

  const pickService = (service: Service) => {
    const named = SERVICES.some((s) => draft.name === t(`destinations.service.${s}`)) || !draft.name.trim();
    setDraft({ ...draft, service, url: DESTINATION_PRESETS[service].url || (draft.url === DESTINATION_PRESETS[draft.service].url ? '' : draft.url), name: named ? t(`destinations.service.${service}`) : draft.name });
  };

  const add = (e: FormEvent) => {
    e.preventDefault();
    setAdded(false);
    const problem = draftProblem(draft);
    if (problem) return setError(problem);
    setError(null);
    api.call(routes.createDestination, { body: { ...draft, name: draft.name.trim() || t(`destinations.service.${draft.service}`) } }).then(
      async () => {
        setDraft(emptyDraft());
        setAdded(true);
        await load();
      },
      (err: unknown) => setError(describeFailure(err)),
    );
  };

  if (!data) return error ? <p className="error" role="alert">{error}</p> : <p className="muted">{t('destinations.loading')}</p>;
  const serviceWithOwnUrl = draft.service === 'tiktok' || draft.service === 'kick';
  return (
    <div className="settings-fields" data-testid="destinations">
      <p className="muted">{t('destinations.intro')}</p>
      {!data.canStore && <p className="error" role="alert" data-testid="destinations-cannot-store">{t('destinations.cannotStore')}</p>}
      {data.canStore && !data.canPush && <p className="notice-line" data-testid="destinations-cannot-push">{t('destinations.cannotPush')}</p>}
      <ul className="destination-list" data-testid="destination-list">
        {data.destinations.length === 0 && <li className="muted">{t('destinations.none')}</li>}
        {data.destinations.map((destination) => (
          <DestinationItem key={destination.id} destination={destination} onChanged={() => void load()} onError={setError} />
        ))}
      </ul>
      {data.canStore && (
        <form className="settings-fields destination-form" onSubmit={add} data-testid="destination-form">
          <div className="grid2">
            <label className="field">
              {t('destinations.service')}
              <select data-testid="destination-service" value={draft.service} onChange={(e) => pickService(DestinationService.parse(e.target.value))}>
                {SERVICES.map((service) => (
                  <option key={service} value={service}>{t(`destinations.service.${service}`)}</option>
                ))}
              </select>
            </label>
            <label className="field">
              {t('destinations.name')}
              <input data-testid="destination-name" maxLength={64} value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />
            </label>
          </div>
          <label className="field">
            {t('destinations.url')}
            <input data-testid="destination-url" spellCheck={false} placeholder="rtmp://…" maxLength={512} value={draft.url} onChange={(e) => setDraft({ ...draft, url: e.target.value })} />
          </label>
          {serviceWithOwnUrl && <p className="muted">{t('destinations.urlFromPlatform', { service: t(`destinations.service.${draft.service}`) })}</p>}
          <label className="field">
            {t('destinations.key')}
            <input data-testid="destination-key" type="password" autoComplete="off" maxLength={512} value={draft.streamKey} onChange={(e) => setDraft({ ...draft, streamKey: e.target.value })} />
          </label>
          <p className="muted">{t('destinations.keyHint')}</p>
          <div className="row">
            <button type="submit" data-testid="destination-add" disabled={!draft.url.trim() || !draft.streamKey}>{t('destinations.add')}</button>
            {added && <span className="muted" role="status">{t('destinations.added')}</span>}
          </div>
        </form>
      )}
      {error && <p className="error" role="alert" data-testid="destinations-error">{error}</p>}
    </div>
  );
}
