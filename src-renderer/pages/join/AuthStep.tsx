import { useState, type FormEvent } from 'react';
import { t } from '../../shared/i18n/index.js';
import type { JoinController } from './join-store.js';

/** Sign in with an account, or continue as a guest with a name. */
export function AuthStep({ controller }: { controller: JoinController }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [name, setName] = useState('');
  const signIn = (e: FormEvent) => {
    e.preventDefault();
    void controller.signInWithPassword(username, password);
  };
  const asGuest = (e: FormEvent) => {
    e.preventDefault();
    if (name.trim()) void controller.continueAsGuest(name.trim());
  };
  return (
    <div className="join-grid">
      <form className="panel form" onSubmit={signIn}>
        <h2>{t('join.signInTitle')}</h2>
        <label>
          {t('join.username')}
          <input data-testid="join-username" autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} />
        </label>
        <label>
          {t('join.password')}
          <input
            data-testid="join-password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        <button type="submit" data-testid="join-signin" disabled={!username || !password}>
          {t('join.signIn')}
        </button>
      </form>
      <form className="panel form" onSubmit={asGuest}>
        <h2>{t('join.orGuest')}</h2>
        <label>
          {t('join.name')}
          <input data-testid="join-guest-name" maxLength={50} value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <button type="submit" data-testid="join-continue" disabled={!name.trim()}>
          {t('join.continue')}
        </button>
      </form>
    </div>
  );
}
