import { useEffect, useState } from 'react';
import type { PastLive } from '../../../protocol/replays.js';
import { replayPageUrl } from '../../../protocol/replays.js';
import { routes } from '../../../protocol/routes.js';
import type { ApiClient } from '../../shared/api/client.js';
import { getLang, t } from '../../shared/i18n/index.js';
import { formatClock } from '../replay/timeline.js';

/** The directory's "Past lives": replays of public lives, newest first, each with its poster. */
export function PastLives({ api }: { api: ApiClient }) {
  const [pastLives, setPastLives] = useState<PastLive[] | null>(null);
  useEffect(() => {
    let alive = true;
    api.call(routes.pastLives).then((r) => alive && setPastLives(r.pastLives), () => alive && setPastLives([]));
    return () => {
      alive = false;
    };
  }, [api]);
  if (!pastLives || pastLives.length === 0) return null;
  return (
    <section className="past-lives" aria-labelledby="past-lives-title" data-testid="past-lives">
      <h2 id="past-lives-title">{t('pastLives.title')}</h2>
      <ul className="cards">
        {pastLives.map(({ session, recording, posterUrl }) => (
          <li key={session.id} className="card" data-testid="past-live" data-session-id={session.id}>
            <a className="card-thumb" href={replayPageUrl(session.id)} aria-hidden="true" tabIndex={-1}>
              {posterUrl ? <img src={posterUrl} alt="" loading="lazy" /> : <span className="card-thumb-empty" />}
            </a>
            <a href={replayPageUrl(session.id)} aria-label={`${t('pastLives.watch')}: ${session.title}`}>
              {session.title}
            </a>
            <span className="notice">{t('watch.hostedBy', { name: session.host.displayName })}</span>
            <span>
              <span className="badge">{t('replay.title')}</span> <span className="badge">{formatClock(recording.durationSeconds)}</span>{' '}
              {session.startedAt && <span className="notice">{new Date(session.startedAt).toLocaleDateString(getLang())}</span>}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
