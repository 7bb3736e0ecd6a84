import { useState, type FormEvent } from 'react';
import { t } from '../../../shared/i18n/index.js';
import { useLive, useServices } from '../../context.js';
import { relayAddressError } from './relay-address.js';
import { SaveStatus, useSave } from './SaveStatus.js';
import { useSettings } from './use-settings.js';

/**
 * Electron: the relay's address, saved to the user data folder; the studio reloads to reconnect there.
 * Web: the page's own origin, shown.
 */
export function RelaySection() {
  const { settings, live } = useServices();
  const liveState = useLive();
  const { preferences } = useSettings();
  const [draft, setDraft] = useState<string | null>(null);
  const [invalid, setInvalid] = useState(false);
  const save = useSave();
  if (!preferences) return null;
  if (!preferences.relayEditable) {
    return <p className="muted" data-testid="settings-relay-web">{t('settings.relay.web', { url: preferences.relayUrl })}</p>;
  }
  const value = draft ?? preferences.relayUrl;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const error = relayAddressError(value);
    setInvalid(error !== null);
    if (error) return;
    const relayUrl = value.trim().replace(/\/+$/, '');
    if (relayUrl === preferences.relayUrl && !preferences.relayUrlOverridden) return;
    const onAir = liveState.phase === 'live' || liveState.phase === 'creating';
    if (onAir && !window.confirm(t('settings.relay.confirmLive'))) return;
    save.run(
      (onAir ? live.end() : Promise.resolve())
        .then(() => settings.update({ relayUrl }))
        // Every connection, token and page policy belongs to one relay: start over on the new one.
        .then((saved) => !saved.relayUrlOverridden && window.location.reload()),
    );
  };
  return (
    <form className="settings-fields" onSubmit={submit} noValidate>
      <label className="field">
        {t('settings.relay.address')}
        <input
          data-testid="settings-relay-url"
          type="url"
          inputMode="url"
          spellCheck={false}
          aria-invalid={invalid}
          value={value}
          onChange={(e) => {
            setDraft(e.target.value);
            setInvalid(false);
          }}
        />
      </label>
      <p className="muted">{t('settings.relay.hint')}</p>
      {invalid && <p className="error" role="alert" data-testid="settings-relay-invalid">{t('settings.relay.invalid')}</p>}
      {preferences.relayUrlOverridden && <p className="muted">{t('settings.relay.overridden', { url: preferences.relayUrl })}</p>}
      <div className="row">
        <button data-testid="settings-relay-apply" type="submit">
          {t('settings.relay.apply')}
        </button>
      </div>
      <SaveStatus state={save.state} />
    </form>
  );
}
