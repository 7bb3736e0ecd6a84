import { useEffect, useState, type FormEvent } from 'react';
import { t } from '../../../shared/i18n/index.js';
import { errorText } from '../../../shared/ui/error-text.js';
import { useServices, useStudio } from '../../context.js';
import { LanguageSwitch } from '../LanguageSwitch.js';
import { passwordProblem, SIGNUP_LIMITS, usernameProblem } from '../../../shared/auth/signup-rules.js';

const limits = { min: SIGNUP_LIMITS.usernameMin, max: SIGNUP_LIMITS.usernameMax };

/** The sentence for what is wrong with a username (null when it follows the rules). */
function usernameError(username: string): string | null {
  const problem = usernameProblem(username);
  return problem && t(problem, { ...limits, suggestion: username.toLowerCase() });
}

function passwordError(password: string): string | null {
  const problem = passwordProblem(password);
  return problem && t(problem, { min: SIGNUP_LIMITS.passwordMin, max: SIGNUP_LIMITS.passwordMax });
}

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
  // Creating an account: the rules are shown before typing; what breaks them is said per field, nothing is sent.
  const [problems, setProblems] = useState<{ username: string | null; password: string | null }>({ username: null, password: null });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const state = store.getState();
    if (mode === 'login') return void state.signIn(username, password);
    const found = { username: usernameError(username), password: passwordError(password) };
    setProblems(found);
    if (!found.username && !found.password) void state.register(username, password);
  };

  return (
    <main className="signin">
      <form className="signin-card" onSubmit={submit}>
        <h1>{t('studio.title')}</h1>
        <label>
          {t('studio.auth.username')}
          <input
            data-testid="auth-username"
            autoComplete="username"
            value={username}
            aria-describedby="auth-username-rule"
            aria-invalid={problems.username !== null}
            onChange={(e) => {
              setUsername(e.target.value);
              setProblems((p) => ({ ...p, username: null }));
            }}
            autoFocus
          />
          <small id="auth-username-rule" className="muted" data-testid="auth-username-rule">
            {t('auth.rule.username', limits)}
          </small>
          {problems.username && (
            <small role="alert" className="error" data-testid="auth-username-error">
              {problems.username}
            </small>
          )}
        </label>
        <label>
          {t('studio.auth.password')}
          <input
            data-testid="auth-password"
            type="password"
            autoComplete={mode === 'login' ? 'current-password' : 'new-password'}
            value={password}
            aria-describedby="auth-password-rule"
            aria-invalid={problems.password !== null}
            onChange={(e) => {
              setPassword(e.target.value);
              setProblems((p) => ({ ...p, password: null }));
            }}
          />
          <small id="auth-password-rule" className="muted" data-testid="auth-password-rule">
            {t('auth.rule.password', { min: SIGNUP_LIMITS.passwordMin })}
          </small>
          {problems.password && (
            <small role="alert" className="error" data-testid="auth-password-error">
              {problems.password}
            </small>
          )}
        </label>
        {error && <p role="alert" className="error">{errorText(error)}</p>}
        <div className="row">
          <button
            data-testid="auth-login"
            type="submit"
            disabled={pending}
            onClick={() => {
              setMode('login');
              setProblems({ username: null, password: null });
            }}
          >
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
