import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NotificationsReply } from '../../../protocol/notifications.js';
import { SessionReply } from '../../../protocol/sessions.js';
import { reserveTestDatabase, testDialects, type ReservedDatabase } from '../../support/databases.js';
import { nextEvent, REDIS_URL, startRelayNode, type RelayNode } from './support/nodes.js';

describe.skipIf(!testDialects.includes('mysql'))('live notifications across two relay nodes (one MySQL database, Redis)', () => {
  let database: ReservedDatabase;
  let a: RelayNode;
  let b: RelayNode;

  beforeAll(async () => {
    database = await reserveTestDatabase('mysql');
    const shared = { DATABASE_URL: database.database.url, REDIS_URL, JWT_SECRET: randomBytes(32).toString('hex') };
    a = await startRelayNode(shared); // first alone: it creates and migrates the database
    b = await startRelayNode(shared);
  });

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await database?.drop();
  });

  it('a follower whose socket is on node B gets notification:new when the creator goes live on node A; a muted follower on B does not', async () => {
    const creator = await a.register();
    const fan = await b.register();
    const quiet = await b.register();
    for (const who of [fan, quiet]) expect((await b.api('POST', `/api/users/${creator.user.id}/follow`, { token: who.token })).status).toBe(200);
    expect((await b.api('PATCH', `/api/users/${creator.user.id}/follow`, { token: quiet.token, body: { muted: true } })).status).toBe(200);

    const fanSocket = await b.socket(fan.token);
    const quietSocket = await b.socket(quiet.token);
    const heardByQuiet: unknown[] = [];
    quietSocket.on('notification:new', (payload) => heardByQuiet.push(payload));
    const arrives = nextEvent(fanSocket, 'notification:new');

    const created = await a.api('POST', '/api/sessions', { token: creator.token, body: { title: 'Live from A', type: 'video', isPublic: true } });
    const sessionId = SessionReply.parse(created.body).session.id;
    expect((await a.api('POST', `/api/sessions/${sessionId}/start`, { token: creator.token })).status).toBe(200);

    const { notification } = await arrives;
    expect(notification).toMatchObject({ kind: 'live', sessionId, title: 'Live from A', creator: { id: creator.user.id, username: creator.user.username }, read: false });
    // The centre on node B has it too (one database), unread.
    const centre = NotificationsReply.parse((await b.api('GET', '/api/notifications', { token: fan.token })).body);
    expect(centre.unreadCount).toBe(1);
    expect(centre.notifications.map((n) => n.id)).toEqual([notification.id]);
    // The muted follower's centre stays empty: nothing was written for them, so nothing could be sent.
    expect(NotificationsReply.parse((await b.api('GET', '/api/notifications', { token: quiet.token })).body).notifications).toEqual([]);
    expect(heardByQuiet).toEqual([]);
  });
});
