import { expect, it } from 'vitest';
import { DuplicateKeyError } from '../../../relay-server/src/storage/types.js';
import { describeEachDatabase } from '../../support/databases.js';
import { at, invitation, seedSession, user } from './fixtures.js';

describeEachDatabase('storage: invitations', (db) => {
  async function seed() {
    const storage = db.storage();
    const { host, session } = await seedSession(storage);
    const invitee = await storage.users.create(user());
    return { storage, host, session, invitee };
  }

  it('stores an invitation and finds it by id and as the pending one', async () => {
    const { storage, host, session, invitee } = await seed();
    const inv = invitation(session.id, host.id, invitee.id, { message: 'Viens 🎤 « ici »' });
    expect(await storage.invitations.create(inv)).toEqual(inv);
    expect(await storage.invitations.findById(inv.id)).toEqual(inv);
    expect(await storage.invitations.findPending(session.id, invitee.id)).toEqual(inv);
    expect(await storage.invitations.findById('missing')).toBeNull();
  });

  it('allows one pending invitation per session and invitee, and a new one once it is closed', async () => {
    const { storage, host, session, invitee } = await seed();
    const first = await storage.invitations.create(invitation(session.id, host.id, invitee.id));
    const again = invitation(session.id, host.id, invitee.id);
    const error = await storage.invitations.create(again).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DuplicateKeyError);
    expect(error).toMatchObject({ key: 'pending_invitation' });
    expect(await storage.invitations.findById(again.id)).toBeNull();

    await storage.invitations.setStatus(first.id, 'pending', 'rejected');
    const second = await storage.invitations.create(invitation(session.id, host.id, invitee.id));
    expect(await storage.invitations.findPending(session.id, invitee.id)).toEqual(second);
    // Closed invitations never collide with each other either.
    await storage.invitations.setStatus(second.id, 'pending', 'rejected');
    await storage.invitations.create(invitation(session.id, host.id, invitee.id));
  });

  it('lets exactly one of concurrent invitations for the same invitee through', async () => {
    const { storage, host, session, invitee } = await seed();
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, () => storage.invitations.create(invitation(session.id, host.id, invitee.id))),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(DuplicateKeyError);
  });

  it('changes status only from the expected one (compare-and-set)', async () => {
    const { storage, host, session, invitee } = await seed();
    const inv = await storage.invitations.create(invitation(session.id, host.id, invitee.id));
    expect(await storage.invitations.setStatus(inv.id, 'pending', 'accepted')).toEqual({ ...inv, status: 'accepted' });
    expect(await storage.invitations.setStatus(inv.id, 'pending', 'rejected')).toBeNull();
    expect((await storage.invitations.findById(inv.id))?.status).toBe('accepted');
    expect(await storage.invitations.findPending(session.id, invitee.id)).toBeNull();
    expect(await storage.invitations.setStatus('missing', 'pending', 'accepted')).toBeNull();
  });

  it('lists the unexpired pending invitations of an invitee, oldest first', async () => {
    const { storage, host, invitee } = await seed();
    const { session: other } = await seedSession(storage);
    const { session: third } = await seedSession(storage);
    const { session: fourth } = await seedSession(storage);
    const now = at(60_000);
    const b = await storage.invitations.create(invitation(other.id, host.id, invitee.id, { createdAt: at(2) }));
    const a = await storage.invitations.create(invitation(third.id, host.id, invitee.id, { createdAt: at(1) }));
    await storage.invitations.create(invitation(fourth.id, host.id, invitee.id, { expiresAt: now }));
    const done = await storage.invitations.create(
      invitation((await seedSession(storage)).session.id, host.id, invitee.id),
    );
    await storage.invitations.setStatus(done.id, 'pending', 'accepted');
    expect(await storage.invitations.listPendingFor(invitee.id, now)).toEqual([a, b]);
  });

  it('lists every pending invitation of a session (expired ones too), oldest first, and no others', async () => {
    const { storage, host, session, invitee } = await seed();
    const [second, third] = [await storage.users.create(user()), await storage.users.create(user())];
    const b = await storage.invitations.create(invitation(session.id, host.id, second.id, { createdAt: at(2) }));
    const a = await storage.invitations.create(invitation(session.id, host.id, invitee.id, { createdAt: at(1), expiresAt: at(1) }));
    const answered = await storage.invitations.create(invitation(session.id, host.id, third.id, { createdAt: at(0) }));
    await storage.invitations.setStatus(answered.id, 'pending', 'rejected');
    const { session: elsewhere } = await seedSession(storage);
    await storage.invitations.create(invitation(elsewhere.id, host.id, invitee.id));
    expect(await storage.invitations.listPendingForSession(session.id)).toEqual([a, b]);
    expect(await storage.invitations.listPendingForSession(elsewhere.id)).toHaveLength(1);
    expect(await storage.invitations.listPendingForSession('missing')).toEqual([]);
  });

  it('closes every pending invitation of a session, leaving others alone', async () => {
    const { storage, host, session, invitee } = await seed();
    const other = await storage.users.create(user());
    const i1 = await storage.invitations.create(invitation(session.id, host.id, invitee.id));
    const i2 = await storage.invitations.create(invitation(session.id, host.id, other.id));
    const { session: elsewhere } = await seedSession(storage);
    const i3 = await storage.invitations.create(invitation(elsewhere.id, host.id, invitee.id));
    await storage.invitations.closePendingForSession(session.id, 'cancelled');
    expect((await storage.invitations.findById(i1.id))?.status).toBe('cancelled');
    expect((await storage.invitations.findById(i2.id))?.status).toBe('cancelled');
    expect((await storage.invitations.findById(i3.id))?.status).toBe('pending');
    // Once closed, the same invitee can be invited again.
    await storage.invitations.create(invitation(session.id, host.id, invitee.id));
  });

  it('stores invite links by token hash; a duplicate hash is refused', async () => {
    const { storage, host, session } = await seed();
    const link = { tokenHash: 'a'.repeat(64), sessionId: session.id, createdBy: host.id, createdAt: at(), expiresAt: at(86_400_000), role: 'guest' as const };
    expect(await storage.invitations.createLink(link)).toEqual(link);
    expect(await storage.invitations.findLink(link.tokenHash)).toEqual(link);
    expect(await storage.invitations.findLink('b'.repeat(64))).toBeNull();
    await expect(storage.invitations.createLink({ ...link })).rejects.toBeInstanceOf(DuplicateKeyError);
    // A viewer link keeps its role.
    const viewer = { ...link, tokenHash: 'c'.repeat(64), role: 'viewer' as const };
    await storage.invitations.createLink(viewer);
    expect(await storage.invitations.findLink(viewer.tokenHash)).toEqual(viewer);
  });
});
