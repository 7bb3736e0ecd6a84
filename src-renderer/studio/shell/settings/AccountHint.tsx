import { t } from '../../../shared/i18n/index.js';
import { useServices, useStudio } from '../../context.js';

/** Web, signed in: says the setting follows the account (the desktop studio keeps its own file). */
export function AccountHint() {
  const { platform } = useServices();
  const signedIn = useStudio((s) => s.authStatus === 'signed-in');
  if (platform.kind !== 'web' || !signedIn) return null;
  return (
    <p className="muted" data-testid="settings-account-hint">
      {t('settings.account.hint')}
    </p>
  );
}
