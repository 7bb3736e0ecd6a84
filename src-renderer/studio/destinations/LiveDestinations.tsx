import { useEffect, useState } from 'react';
import type { DestinationPush } from '../../../protocol/destinations.js';
import { routes } from '../../../protocol/routes.js';
import { t } from '../../shared/i18n/index.js';
import { describeFailure } from '../../shared/ui/error-text.js';
import { useServices } from '../context.js';
import './destinations.css';

/** Why a push is not live, in the host's language (the relay's own sentence for what it could not name). */
function reasonText(push: DestinationPush): string | null {
  if (!push.reasonCode) return null;
  if (push.reasonCode === 'other') return t('destinations.failure.other', { detail: push.reason ?? '' });
  return t(`destinations.failure.${push.reasonCode}`);
}

/** Seconds until `iso`, ticking, for "next try in 4 s". */
function useSecondsUntil(iso: string | null): number | null {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!iso) return undefined;
    const timer = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(timer);
  }, [iso]);
  return iso ? Math.max(0, Math.ceil((new Date(iso).getTime() - now) / 1000)) : null;
}

function PushLine({ push, onStart, onStop }: { push: DestinationPush; onStart: () => void; onStop: () => void }) {
  const seconds = useSecondsUntil(push.state === 'retrying' ? push.retryAt : null);
  const reason = push.state === 'live' || push.state === 'off' ? null : reasonText(push);
  const running = push.state !== 'off' && push.state !== 'failed';
  return (
    <li className="live-destination" data-testid="live-destination" data-destination-id={push.destinationId} data-state={push.state}>
      <span>{push.name}</span>
      <span className="push-state" data-state={push.state} data-testid="live-destination-state">
        {t(`destinations.state.${push.state}`)}
        {seconds !== null && ` — ${t('destinations.retryIn', { seconds })}`}
      </span>
      {running ? (
        <button type="button" className="secondary" data-testid="live-destination-stop" onClick={onStop}>{t('destinations.stop')}</button>
      ) : (
        <button type="button" className="secondary" data-testid="live-destination-start" onClick={onStart}>{t('destinations.start')}</button>
      )}
      {reason && <span className="push-reason muted" data-testid="live-destination-reason">{reason}</span>}
    </li>
  );
}

/**
 * On air: where the live's push to each destination stands (connecting, live, retrying with the reason,
 * failed), kept current by the relay's `destinations:state`, with Start and Stop per destination.
 */
export function LiveDestinations({ sessionId }: { sessionId: string }) {
  const { api, connection } = useServices();
  const [pushes, setPushes] = useState<DestinationPush[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    const off = connection.on('destinations:state', (reply) => reply.sessionId === sessionId && setPushes(reply.destinations));
    // The relay starts pushing once it receives the program: ask until it answers with the list.
    const load = () =>
      api.call(routes.sessionDestinations, { params: { id: sessionId } }).then(
        (reply) => current && setPushes(reply.destinations),
        () => current && setTimeout(load, 2_000),
      );
    void load();
    return () => {
      current = false;
      off();
    };
  }, [api, connection, sessionId]);

  const act = (route: typeof routes.startDestination | typeof routes.stopDestination, destinationId: string) => () => {
    setError(null);
    api.call(route, { params: { id: sessionId, destinationId } }).then((reply) => setPushes(reply.destinations), (err: unknown) => setError(describeFailure(err)));
  };

  if (!pushes) return null;
  return (
    <div className="live-destinations" data-testid="live-destinations">
      <h3>{t('destinations.live.title')}</h3>
      {pushes.length === 0 ? (
        <p className="muted">{t('destinations.live.none')}</p>
      ) : (
        <ul>
          {pushes.map((push) => (
            <PushLine key={push.destinationId} push={push} onStart={act(routes.startDestination, push.destinationId)} onStop={act(routes.stopDestination, push.destinationId)} />
          ))}
        </ul>
      )}
      {error && <p className="error" role="alert">{error}</p>}
    </div>
  );
}
