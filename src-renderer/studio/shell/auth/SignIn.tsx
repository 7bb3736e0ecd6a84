import { useEffect, useState, type FormEvent } from 'react';
import { t } from '../../../shared/i18n/index.js';
import { errorText } from '../../../shared/ui/error-text.js';
import { useServices, useStudio } from '../../context.js';
import { LanguageSwitch } from '../LanguageSwitch.js';

export function SignIn() {
  const { store, settings, platform } = useServices();
  // Linux without a keyring: say why the studio asks for a sign-in at every launch.
  const [persists, setPersists] = useState(true);
  useEffect(() => {
    let current = true;
    platform.tokens.persistsAcrossLaunches?.().then((p) => current && setPersists(p), () => undefined);
    return () => {
      current = false;
    };
  }, [platform]);
  const { pending, error } = useStudio((s) => ({ pending: s.authStatus === 'pending', error: s.authError }));
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [mode, setMode] = useState<'login' | 'register'>('login');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const state = store.getState();
    void (mode === 'login' ? state.signIn(username, password) : state.register(username, password));
  };

  return (
    <main className="signin">
      <form className="signin-card" onSubmit={submit}>
        <h1>{t('studio.title')}</h1>
        <label>
          {t('studio.auth.username')}
          <input data-testid="auth-username" autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} autoFocus />
        </label>
        <label>
          {t('studio.auth.password')}
          <input
            data-testid="auth-password"
            type="password"
            autoComplete={mode === 'login' ? 'current-password' : 'new-password'}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        {error && <p role="alert" className="error">{errorText(error)}</p>}
        <div className="row">
          <button data-testid="auth-login" type="submit" disabled={pending} onClick={() => setMode('login')}>
            {t('studio.auth.login')}
          </button>
          <button data-testid="auth-register" type="submit" className="secondary" disabled={pending} onClick={() => setMode('register')}>
            {t('studio.auth.register')}
          </button>
        </div>
        {pending && <p className="muted">{t('common.loading')}</p>}
        {!persists && (
          <p className="muted" role="note" data-testid="auth-no-keyring">
            {t('studio.auth.noKeyring')}
          </p>
        )}
        <div className="row">
          <LanguageSwitch />
          <button type="button" className="secondary" data-testid="open-settings" onClick={() => settings.open()}>
            ⚙ {t('settings.open')}
          </button>
        </div>
      </form>
    </main>
  );
}
