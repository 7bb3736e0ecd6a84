import type { ConnectionState } from '../realtime/connection.js';
import { t } from '../i18n/index.js';
import { useLang } from './use-lang.js';

const LABEL = {
  connected: 'connection.connected',
  connecting: 'connection.connecting',
  reconnecting: 'connection.reconnecting',
  offline: 'connection.offline',
} as const;

/** The relay link's state; announced politely to screen readers when it changes. */
export function ConnectionBadge({ state }: { state: ConnectionState }) {
  useLang();
  return (
    <span className={`badge badge-conn badge-${state}`} role="status" data-testid="connection-state" data-state={state}>
      <span className="dot" aria-hidden="true" />
      {t(LABEL[state])}
    </span>
  );
}
