/**
 * What a long-running relay keeps in memory per logout and per session is forgotten once it can no
 * longer matter: revoked tokens after their expiry, change marks after their session went quiet.
 */
import { Server } from 'socket.io';
import { describe, expect, it } from 'vitest';
import { MemoryRevocations } from '../../../relay-server/src/auth/revocation.js';
import { createNotifier, MARK_KEEP_MS } from '../../../relay-server/src/realtime/notifier.js';
import type { RelayIo } from '../../../relay-server/src/realtime/on-event.js';

describe('in-memory revocations', () => {
  it('forget tokens that have expired, and only those', async () => {
    let now = Date.UTC(2026, 10, 30, 8, 0, 0);
    const revocations = new MemoryRevocations(() => new Date(now));
    const nowSeconds = () => Math.floor(now / 1000);
    for (let i = 0; i < 1000; i++) await revocations.revoke(`short-${i}`, nowSeconds() + 60);
    await revocations.revoke('long', nowSeconds() + 30 * 24 * 3600);
    expect(revocations.size).toBe(1001);

    now += 10 * 60_000; // the 1,000 short tokens have expired
    await revocations.revoke('later', nowSeconds() + 3600);
    expect(revocations.size).toBe(2);
    expect(await revocations.isRevoked('long')).toBe(true);
    expect(await revocations.isRevoked('later')).toBe(true);
    expect(await revocations.isRevoked('short-0')).toBe(false);
  });
});

describe('notifier change marks', () => {
  it('are forgotten for sessions quiet for a minute, while active ones keep changing marks', () => {
    let now = 1_000_000;
    // Never attached to an HTTP server: emits reach no one, and there is nothing to close.
    const io = new Server() as RelayIo;
    const notifier = createNotifier(io, { singleNode: true, now: () => now });
    for (let i = 0; i < 5000; i++) notifier.toSession(`ended-${i}`, 'session:state', { sessionId: `ended-${i}`, state: 'ended' });
    expect(notifier.trackedSessions()).toBe(5000);
    const before = notifier.changeMark('ended-0');
    expect(before).toBeGreaterThan(0);

    now += MARK_KEEP_MS + 1;
    notifier.toSession('active', 'session:state', { sessionId: 'active', state: 'live' });
    expect(notifier.trackedSessions()).toBe(1);
    // A forgotten session answers 0, never its old mark: a cache entry made under that mark misses.
    expect(notifier.changeMark('ended-0')).toBe(0);
    expect(notifier.changeMark('active')).toBeGreaterThan(before ?? 0);
  });
});
