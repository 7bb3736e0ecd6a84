import { useEffect, useState } from 'react';
import type { Session } from '../../../protocol/sessions.js';
import { routes } from '../../../protocol/routes.js';
import { createPageApi } from '../../shared/auth/auth-store.js';
import { t } from '../../shared/i18n/index.js';

const api = createPageApi();
const SHOWN = 3;

/** On an ended broadcast: a few lives that are on now, and the way to the directory, instead of a dead end. */
export function OtherLives({ exceptId }: { exceptId: string }) {
  const [others, setOthers] = useState<Session[] | null>(null);
  useEffect(() => {
    let alive = true;
    api
      .call(routes.listSessions, { query: { scope: 'public' } })
      .then((r) => alive && setOthers(r.sessions.filter((s) => s.id !== exceptId).slice(0, SHOWN)))
      .catch(() => alive && setOthers([]));
    return () => {
      alive = false;
    };
  }, [exceptId]);
  return (
    <nav className="other-lives" data-testid="other-lives" aria-label={t('watch.otherLives')}>
      {others && others.length > 0 && (
        <>
          <p>{t('watch.otherLives')}</p>
          <ul>
            {others.map((s) => (
              <li key={s.id}>
                <a href={`/watch/${encodeURIComponent(s.id)}`} data-testid="other-live">
                  {s.title}
                </a>{' '}
                <span className="notice">{t('watch.hostedBy', { name: s.host.displayName })}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      <a href="/" data-testid="to-directory">
        {t('watch.allLives')}
      </a>
    </nav>
  );
}
