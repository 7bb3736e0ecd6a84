import { useStore } from 'zustand';
import { InvitationsInbox } from '../../shared/invitations/InvitationsInbox.js';
import { useServices, useStudio } from '../context.js';
import { GuestConsole } from './console/GuestConsole.js';

/** The invitations inbox of the top bar: accepting opens the guest console right here in the studio. */
export function StudioInbox() {
  const { inbox, guestConsole } = useServices();
  const signedIn = useStudio((s) => s.authStatus === 'signed-in');
  if (!signedIn) return null;
  return <InvitationsInbox client={inbox} onAccepted={(sessionId) => void guestConsole.open(sessionId)} />;
}

/** The guest console, over the studio, while the streamer is a guest of another live. */
export function GuestConsoleLayer() {
  const { guestConsole } = useServices();
  const controller = useStore(guestConsole.store, (s) => s.controller);
  const selfId = useStudio((s) => s.user?.id ?? null);
  if (!controller || !selfId) return null;
  return (
    <div className="guest-console-layer">
      <GuestConsole controller={controller} selfId={selfId} onClose={() => void guestConsole.close()} />
    </div>
  );
}
