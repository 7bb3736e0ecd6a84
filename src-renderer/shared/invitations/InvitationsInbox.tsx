import './invitations.css';
import { useState } from 'react';
import { useStore } from 'zustand';
import type { Invitation } from '../../../protocol/invitations.js';
import { t } from '../i18n/index.js';
import { useBusyAction } from '../ui/use-busy-action.js';
import type { InboxClient } from './inbox-client.js';

function Line({ invitation, client, onAccepted }: { invitation: Invitation; client: InboxClient; onAccepted: (sessionId: string) => void }) {
  const { busy, error, run } = useBusyAction();
  return (
    <li className="invitation" data-testid="invitation-item" data-invitation-id={invitation.id}>
      <span className="what">
        {t('invitations.line', { host: invitation.fromDisplayName || '?', title: invitation.sessionTitle || '' })}
      </span>
      {invitation.message && <q className="message">{invitation.message}</q>}
      <span className="actions">
        <button type="button" data-testid="invitation-accept" disabled={busy} onClick={() => void run(async () => onAccepted((await client.accept(invitation.id)).sessionId))}>
          {t('invitations.accept')}
        </button>
        <button type="button" className="secondary" data-testid="invitation-decline" disabled={busy} onClick={() => void run(() => client.decline(invitation.id))}>
          {t('invitations.decline')}
        </button>
      </span>
      {error && (
        <span className="error" role="alert">
          {error}
        </span>
      )}
    </li>
  );
}

/**
 * The invitations inbox: a button with the number of pending invitations that opens the list, and new
 * invitations popping up on their own (a toast) with Accept and Decline. `onAccepted` takes the person
 * to the session (the studio's guest console, or the join page).
 */
export function InvitationsInbox({ client, onAccepted }: { client: InboxClient; onAccepted: (sessionId: string) => void }) {
  const invitations = useStore(client.store, (s) => s.invitations);
  const fresh = useStore(client.store, (s) => s.fresh);
  const [open, setOpen] = useState(false);
  const shown = open ? invitations : invitations.filter((i) => fresh.includes(i.id));
  return (
    <div className="invitations-inbox" data-testid="invitations-inbox" data-count={invitations.length}>
      <button
        type="button"
        className="secondary inbox-button"
        aria-expanded={open}
        aria-label={t('invitations.title')}
        onClick={() => {
          setOpen(!open);
          if (open) fresh.forEach((id) => client.dismiss(id));
        }}
      >
        ✉ {invitations.length > 0 && <span className="count">{invitations.length}</span>}
      </button>
      {(open || shown.length > 0) && (
        <div className="inbox-popover" role={open ? 'dialog' : 'status'} aria-live="polite" aria-label={t('invitations.title')}>
          <strong>{t('invitations.title')}</strong>
          {open && invitations.length === 0 && <p className="muted">{t('invitations.none')}</p>}
          <ul>
            {shown.map((i) => (
              <Line key={i.id} invitation={i} client={client} onAccepted={onAccepted} />
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
