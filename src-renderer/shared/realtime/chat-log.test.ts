import { describe, expect, it } from 'vitest';
import type { Message } from '../../../protocol/chat.js';
import { Outbox, lastMessageId, mergeMessages, newClientMessageId, withPinned, withoutMessage, upsertPin } from './chat-log.js';

let clock = Date.parse('2026-01-01T10:00:00.000Z');
// Storage seqs are per table, not per session: other sessions' messages leave gaps between ours.
let seq = 100;
function msg(id: string, extra: Partial<Message> = {}): Message {
  clock += 1000;
  seq += 7;
  return {
    id,
    sessionId: 's1',
    userId: 'u1',
    displayName: 'Ada',
    content: `text ${id}`,
    type: 'text',
    clientMessageId: null,
    pinned: false,
    createdAt: new Date(clock).toISOString(),
    seq,
    ...extra,
  };
}
const ids = (list: Message[]) => list.map((m) => m.id);

describe('mergeMessages', () => {
  it('appends what was missed after a reconnect, without duplicating what overlaps', () => {
    const [a, b, c, d] = [msg('a'), msg('b'), msg('c'), msg('d')];
    const seen = [a, b];
    // The relay re-sends b (the client's afterMessageId may lag) plus the two it missed.
    expect(ids(mergeMessages(seen, [b, c, d]))).toEqual(['a', 'b', 'c', 'd']);
  });

  it('puts a late delivery in its place in the relay order', () => {
    const [a, b, c] = [msg('a'), msg('b'), msg('c')];
    // Our own message c was acknowledged before the resync brought b.
    expect(ids(mergeMessages([a, c], [b]))).toEqual(['a', 'b', 'c']);
  });

  it('orders by storage seq, not by timestamp (relay clocks may differ between nodes)', () => {
    const at = new Date(clock).toISOString();
    const [x, y, z] = [msg('x', { createdAt: at }), msg('y', { createdAt: at }), msg('z', { createdAt: at })];
    const earlierClock = { ...z, createdAt: new Date(clock - 60_000).toISOString() };
    expect(ids(mergeMessages([x], [earlierClock, y]))).toEqual(['x', 'y', 'z']);
    expect(ids(mergeMessages([x, y, z], [y]))).toEqual(['x', 'y', 'z']);
  });

  it('puts two nodes\' batches in seq order whichever arrives first', () => {
    const [a, b, c, d, e] = [msg('a'), msg('b'), msg('c'), msg('d'), msg('e')];
    // Node 1 stored a, c, e; node 2 stored b, d; node 2's batch overtakes node 1's.
    const fromNode2First = mergeMessages(mergeMessages([], [b, d]), [a, c, e]);
    const fromNode1First = mergeMessages(mergeMessages([], [a, c, e]), [b, d]);
    expect(ids(fromNode2First)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(fromNode1First).toEqual(fromNode2First);
  });

  it('re-joins after the highest seq seen and fills what the resync returns without gaps or duplicates', () => {
    const [a, b, c, d, e, f] = [msg('a'), msg('b'), msg('c'), msg('d'), msg('e'), msg('f')];
    // d (from another node) arrived before c; then the connection dropped.
    const seen = mergeMessages(mergeMessages([], [a, b]), [d]);
    expect(lastMessageId(seen)).toBe('d');
    // c arrives late (in flight when d overtook it), then the relay's resync after d: e, f.
    const late = mergeMessages(seen, [c]);
    expect(lastMessageId(late)).toBe('d');
    const resynced = mergeMessages(late, [e, f]);
    expect(ids(resynced)).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    // A resync that overlaps (re-sends d, e) changes nothing.
    expect(mergeMessages(resynced, [d, e])).toEqual(resynced);
  });

  it('gives the highest-seq id even when the list is not in seq order', () => {
    const [a, b, c] = [msg('a'), msg('b'), msg('c')];
    expect(lastMessageId([a, c, b])).toBe('c');
  });

  it('takes the newer copy of a message (e.g. its pinned flag)', () => {
    const a = msg('a');
    const merged = mergeMessages([a], [{ ...a, pinned: true }]);
    expect(merged).toHaveLength(1);
    expect(merged[0]?.pinned).toBe(true);
  });

  it('keeps only the newest messages past the limit', () => {
    const list = Array.from({ length: 10 }, (_, i) => msg(`m${i}`));
    expect(ids(mergeMessages([], list, 3))).toEqual(['m7', 'm8', 'm9']);
    // An old message arriving late does not push a newer one out.
    expect(ids(mergeMessages(mergeMessages([], list.slice(7), 3), [list[2] as Message], 3))).toEqual(['m7', 'm8', 'm9']);
  });

  it('gives the newest id to re-join with', () => {
    expect(lastMessageId([msg('a'), msg('b')])).toBe('b');
    expect(lastMessageId([])).toBeUndefined();
  });

  it('removes deleted messages and applies pins', () => {
    const [a, b] = [msg('a'), msg('b')];
    expect(ids(withoutMessage([a, b], 'a'))).toEqual(['b']);
    expect(withPinned([a, b], 'b', true).find((m) => m.id === 'b')?.pinned).toBe(true);
    expect(upsertPin([], a)[0]?.pinned).toBe(true);
  });
});

describe('Outbox', () => {
  it('keeps a message pending until the relay confirms it, with the same clientMessageId for resends', () => {
    const box = new Outbox();
    box.add('cmid-0001', 'hello');
    box.add('cmid-0002', 'world');
    // Disconnected: the send failed transiently, both stay queued in order.
    box.reject('cmid-0001', { code: 'unavailable', message: 'offline' });
    expect(box.unacked().map((i) => [i.clientMessageId, i.content])).toEqual([
      ['cmid-0001', 'hello'],
      ['cmid-0002', 'world'],
    ]);
    expect(box.confirm('cmid-0001')).toBe(true);
    expect(box.unacked().map((i) => i.clientMessageId)).toEqual(['cmid-0002']);
  });

  it('is emptied by a broadcast carrying our clientMessageId (ack lost in a disconnect)', () => {
    const box = new Outbox();
    box.add('cmid-0001', 'hello');
    expect(box.confirmDelivered([msg('a', { clientMessageId: 'cmid-0001' }), msg('b')])).toBe(true);
    expect(box.list()).toHaveLength(0);
  });

  it('marks a message failed on a refusal that a resend cannot fix, and retries it on demand', () => {
    const box = new Outbox();
    box.add('cmid-0001', 'spam');
    box.reject('cmid-0001', { code: 'muted', message: 'muted' });
    expect(box.list()[0]?.status).toBe('failed');
    expect(box.unacked()).toHaveLength(0);
    box.retry('cmid-0001');
    expect(box.unacked().map((i) => i.clientMessageId)).toEqual(['cmid-0001']);
  });

  it('keeps rate-limited messages for a later resend', () => {
    const box = new Outbox();
    box.add('cmid-0001', 'fast');
    box.reject('cmid-0001', { code: 'rate_limited', message: 'slow down' });
    expect(box.unacked()).toHaveLength(1);
  });
});

describe('newClientMessageId', () => {
  it('is unique and fits the protocol length (8..64)', () => {
    const a = newClientMessageId();
    expect(a.length).toBeGreaterThanOrEqual(8);
    expect(a.length).toBeLessThanOrEqual(64);
    expect(newClientMessageId()).not.toBe(a);
  });
});
