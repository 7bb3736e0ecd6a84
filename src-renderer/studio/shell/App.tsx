import { t } from '../../shared/i18n/index.js';
import { CommandNotice } from './commands/CommandNotice.js';
import { SettingsDialog } from './settings/SettingsDialog.js';
import { useLang, useStudio } from '../context.js';
import { SignIn } from './auth/SignIn.js';
import { StudioLayout } from './StudioLayout.js';

export function App() {
  useLang();
  const status = useStudio((s) => s.authStatus);
  if (status === 'unknown') return <div className="studio-loading">{t('common.loading')}</div>;
  return (
    <>
      {status === 'signed-in' ? <StudioLayout /> : <SignIn />}
      {/* Reachable before signing in too: a desktop studio pointed at the wrong relay cannot sign in. */}
      <SettingsDialog />
      <CommandNotice />
    </>
  );
}
