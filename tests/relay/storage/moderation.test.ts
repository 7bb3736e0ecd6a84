import { expect, it } from 'vitest';
import type { ModerationLogRecord } from '../../../relay-server/src/storage/types.js';
import { describeEachDatabase } from '../../support/databases.js';
import { at, id, seedSession, user } from './fixtures.js';

describeEachDatabase('storage: reactions', (db) => {
  it('counts reactions per emoji and in total, per session', async () => {
    const storage = db.storage();
    const { host, session } = await seedSession(storage);
    const { session: other } = await seedSession(storage);
    expect(await storage.reactions.counts(session.id)).toEqual({});
    expect(await storage.reactions.total(session.id)).toBe(0);
    for (const emoji of ['❤️', '🔥', '❤️', '👍🏾', '❤️']) await storage.reactions.add(session.id, emoji, host.id, at());
    await storage.reactions.add(other.id, '🔥', host.id, at());
    expect(await storage.reactions.counts(session.id)).toEqual({ '❤️': 3, '🔥': 1, '👍🏾': 1 });
    expect(await storage.reactions.total(session.id)).toBe(5);
  });

  it('keeps emoji that collate alike in Unicode-aware collations apart', async () => {
    const storage = db.storage();
    const { host, session } = await seedSession(storage);
    for (const emoji of ['🍣', '🍺', '👍', '👍🏻', '👍🏿']) await storage.reactions.add(session.id, emoji, host.id, at());
    expect(await storage.reactions.counts(session.id)).toEqual({ '🍣': 1, '🍺': 1, '👍': 1, '👍🏻': 1, '👍🏿': 1 });
  });

  it('loses no reaction under concurrent adds', async () => {
    const storage = db.storage();
    const { host, session } = await seedSession(storage);
    await Promise.all(Array.from({ length: 25 }, () => storage.reactions.add(session.id, '🎉', host.id, at())));
    expect(await storage.reactions.counts(session.id)).toEqual({ '🎉': 25 });
  });
});

describeEachDatabase('storage: moderation', (db) => {
  it('mutes with and without an end, replaces a mute, lifts it', async () => {
    const storage = db.storage();
    const { host, session } = await seedSession(storage);
    const target = await storage.users.create(user());
    const timed = { sessionId: session.id, userId: target.id, until: at(60_000), createdBy: host.id, createdAt: at() };
    expect(await storage.moderation.upsertMute(timed)).toEqual(timed);
    expect(await storage.moderation.findMute(session.id, target.id)).toEqual(timed);
    const forever = { ...timed, until: null, createdAt: at(5) };
    await storage.moderation.upsertMute(forever);
    expect(await storage.moderation.findMute(session.id, target.id)).toEqual(forever);
    expect(await storage.moderation.listMutes(session.id)).toEqual([forever]);
    expect(await storage.moderation.removeMute(session.id, target.id)).toBe(true);
    expect(await storage.moderation.removeMute(session.id, target.id)).toBe(false);
    expect(await storage.moderation.findMute(session.id, target.id)).toBeNull();
    expect(await storage.moderation.listMutes(session.id)).toEqual([]);
  });

  it('bans with an optional reason, replaces a ban, lifts it', async () => {
    const storage = db.storage();
    const { host, session } = await seedSession(storage);
    const a = await storage.users.create(user());
    const b = await storage.users.create(user());
    const banA = { sessionId: session.id, userId: a.id, reason: 'spam 🚫 "links"', createdBy: host.id, createdAt: at(1) };
    const banB = { sessionId: session.id, userId: b.id, reason: null, createdBy: host.id, createdAt: at(2) };
    await storage.moderation.upsertBan(banA);
    await storage.moderation.upsertBan(banB);
    expect(await storage.moderation.listBans(session.id)).toEqual([banA, banB]);
    const again = { ...banA, reason: 'again', createdAt: at(3) };
    await storage.moderation.upsertBan(again);
    expect(await storage.moderation.findBan(session.id, a.id)).toEqual(again);
    expect(await storage.moderation.removeBan(session.id, b.id)).toBe(true);
    expect(await storage.moderation.removeBan(session.id, b.id)).toBe(false);
    expect(await storage.moderation.findBan(session.id, b.id)).toBeNull();
    expect(await storage.moderation.listBans(session.id)).toEqual([again]);
  });

  it('stores chat settings, blocked terms included, and replaces them', async () => {
    const storage = db.storage();
    const { session } = await seedSession(storage);
    expect(await storage.moderation.getSettings(session.id)).toBeNull();
    const settings = { sessionId: session.id, slowModeSeconds: 30, blockedTerms: ['spam', 'ك"لمة', "it's", '💩'], followersOnly: true, followersOnlyMinutes: 10 };
    expect(await storage.moderation.putSettings(settings)).toEqual(settings);
    expect(await storage.moderation.getSettings(session.id)).toEqual(settings);
    const relaxed = { ...settings, slowModeSeconds: 0, blockedTerms: [], followersOnly: false };
    await storage.moderation.putSettings(relaxed);
    expect(await storage.moderation.getSettings(session.id)).toEqual(relaxed);
  });

  it('appends to the moderation log and lists it newest first, limited', async () => {
    const storage = db.storage();
    const { host, session } = await seedSession(storage);
    const entry = (action: ModerationLogRecord['action'], detail: string | null): ModerationLogRecord => ({
      id: id(),
      sessionId: session.id,
      actorId: host.id,
      action,
      targetUserId: action === 'mute' ? 'someone' : null,
      targetMessageId: action === 'pin' ? 'msg-1' : null,
      detail,
      createdAt: at(), // same millisecond on purpose: order must still be insertion order
    });
    const entries = [entry('pin', null), entry('mute', '{"minutes":5}'), entry('settings', 'slow mode 30s')];
    for (const e of entries) await storage.moderation.appendLog(e);
    expect(await storage.moderation.listLog(session.id, 10)).toEqual([...entries].reverse());
    expect(await storage.moderation.listLog(session.id, 2)).toEqual([entries[2], entries[1]]);
  });
});
