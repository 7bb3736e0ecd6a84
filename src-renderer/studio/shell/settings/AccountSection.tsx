import { useState } from 'react';
import { t } from '../../../shared/i18n/index.js';
import { describeFailure } from '../../../shared/ui/error-text.js';
import { useLive, useServices, useStudio } from '../../context.js';

/** Who is signed in, and "sign out everywhere" for a sign-in left on a device the user no longer trusts. */
export function AccountSection() {
  const { store, live: controller, settings } = useServices();
  const user = useStudio((s) => s.user);
  const live = useLive();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const signOutEverywhere = async () => {
    const onAir = live.phase === 'live' || live.phase === 'creating';
    if (!window.confirm(t(onAir ? 'account.signOutEverywhereWhileLive' : 'account.signOutEverywhereConfirm'))) return;
    setBusy(true);
    setError(null);
    try {
      // The live ends first, while this device's sign-in still works.
      if (onAir) await controller.end();
      await store.getState().signOutEverywhere();
      settings.close();
    } catch (err) {
      setError(describeFailure(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="settings-fields">
      {user && <p data-testid="account-name">{t('account.signedInAs', { name: user.displayName })}</p>}
      <p className="muted">{t('account.signOutEverywhereHint')}</p>
      <div>
        <button className="danger" data-testid="sign-out-everywhere" disabled={busy || !user} onClick={() => void signOutEverywhere()}>
          {t('account.signOutEverywhere')}
        </button>
      </div>
      {error && <p className="error" role="alert" data-testid="account-error">{error}</p>}
    </div>
  );
}
