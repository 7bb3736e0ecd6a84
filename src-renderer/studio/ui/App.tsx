import { t } from '../../shared/i18n/index.js';
import { useLang, useStudio } from './context.js';
import { SignIn } from './SignIn.js';
import { StudioLayout } from './StudioLayout.js';

export function App() {
  useLang();
  const status = useStudio((s) => s.authStatus);
  if (status === 'unknown') return <div className="studio-loading">{t('common.loading')}</div>;
  return status === 'signed-in' ? <StudioLayout /> : <SignIn />;
}
