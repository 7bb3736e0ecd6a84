import { useCallback, useEffect, useState } from 'react';
import type { Invitation } from '../../../protocol/invitations.js';
import { routes } from '../../../protocol/routes.js';
import { t, type StringKey } from '../../shared/i18n/index.js';
import { describeFailure } from '../../shared/ui/error-text.js';
import { useServices } from '../context.js';

const STATE_TEXT: Record<Invitation['status'], StringKey> = {
  pending: 'invitations.state.pending',
  accepted: 'invitations.state.accepted',
  rejected: 'invitations.state.rejected',
  expired: 'invitations.state.expired',
  cancelled: 'invitations.state.cancelled',
};

/**
 * The host's invitations for this live and what became of each (pending, accepted, declined, expired,
 * revoked), kept current by `invitation:update`; a pending one may be revoked. `version` bumps when the
 * host sends a new one.
 */
export function SentInvitations({ sessionId, version }: { sessionId: string; version: number }) {
  const { api, connection } = useServices();
  const [invitations, setInvitations] = useState<Invitation[]>([]);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(
    () =>
      api
        .call(routes.sessionInvitations, { params: { id: sessionId } })
        .then((r) => setInvitations(r.invitations))
        .catch((err: unknown) => setError(describeFailure(err))),
    [api, sessionId],
  );
  useEffect(() => {
    void load();
    return connection.on('invitation:update', ({ invitation }) => {
      if (invitation.sessionId !== sessionId) return;
      setInvitations((list) => list.map((i) => (i.id === invitation.id ? invitation : i)));
    });
  }, [connection, load, sessionId, version]);
  const revoke = async (id: string) => {
    try {
      const { invitation } = await api.call(routes.revokeInvitation, { params: { id } });
      setInvitations((list) => list.map((i) => (i.id === id ? invitation : i)));
    } catch (err) {
      setError(describeFailure(err));
    }
  };
  if (invitations.length === 0 && !error) return null;
  return (
    <div className="sent-invitations">
      <h3>{t('invitations.title')}</h3>
      {error && <p className="error">{error}</p>}
      <ul className="list compact">
        {invitations.map((i) => (
          <li key={i.id} data-testid="sent-invitation" data-status={i.status}>
            <span className="name">
              {i.toDisplayName || i.toUserId} <span className={`tag invitation-${i.status}`}>{t(STATE_TEXT[i.status])}</span>
            </span>
            {i.status === 'pending' && (
              <button className="secondary" data-testid="invitation-revoke" onClick={() => void revoke(i.id)}>
                {t('invitations.revoke')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
