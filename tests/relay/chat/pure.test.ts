/** The pure pieces of chat: blocked-term matching and the in-memory message window. */
import { describe, expect, it } from 'vitest';
import { containsBlockedTerm } from '../../../relay-server/src/chat/blocked-terms.js';
import { SessionWindow } from '../../../relay-server/src/chat/message-window.js';
import type { MessageRecord } from '../../../relay-server/src/storage/types.js';

describe('blocked terms', () => {
  it('matches whole words and phrases in any case and script, not parts of words', () => {
    expect(containsBlockedTerm('What a SPOILER!', ['spoiler'])).toBe(true);
    expect(containsBlockedTerm('spoilers', ['spoiler'])).toBe(false);
    expect(containsBlockedTerm('unspoiler', ['spoiler'])).toBe(false);
    expect(containsBlockedTerm('a Bad  Word', ['bad word'])).toBe(false);
    expect(containsBlockedTerm('a Bad Word here', ['bad word'])).toBe(true);
    expect(containsBlockedTerm('ÉCOLE fermée', ['école'])).toBe(true);
    expect(containsBlockedTerm('écoles', ['école'])).toBe(false);
    expect(containsBlockedTerm('price is $5 (cheap)', ['$5', '(cheap)'])).toBe(true);
    expect(containsBlockedTerm('anything', ['', '   '])).toBe(false);
  });
});

const record = (seq: number, extra: Partial<MessageRecord> = {}): MessageRecord => ({
  id: `m${seq}`,
  seq,
  sessionId: 's',
  userId: 'u',
  displayName: 'U',
  content: `#${seq}`,
  type: 'text',
  clientMessageId: `c${seq}`,
  pinned: false,
  deletedAt: null,
  createdAt: new Date(0),
  ...extra,
});

describe('message window', () => {
  it('answers after/latest while it covers the request, and declines when older messages are needed', () => {
    const window = new SessionWindow(5, [record(1), record(2)], true, 0);
    for (const seq of [3, 5, 4, 6, 7]) window.add(record(seq));
    // Capacity 5: 1 and 2 dropped, so the window no longer holds the whole history.
    expect(window.latest(5)?.map((r) => r.seq)).toEqual([3, 4, 5, 6, 7]);
    expect(window.latest(6)).toBeNull();
    expect(window.after('m4')?.map((r) => r.seq)).toEqual([5, 6, 7]);
    expect(window.after('m1')).toBeNull();
    expect(window.findByClientId('u', 'c6')?.id).toBe('m6');
    expect(window.findByClientId('u', 'c1')).toBeUndefined();
  });

  it('drops deleted messages and swaps in re-pinned copies', () => {
    const window = new SessionWindow(10, [record(1), record(2), record(3)], true, 0);
    window.remove('m2');
    window.replace(record(3, { pinned: true }));
    window.add(record(4, { deletedAt: new Date(0) }));
    expect(window.latest(10)?.map((r) => [r.seq, r.pinned])).toEqual([
      [1, false],
      [3, true],
    ]);
    expect(window.after('m2')).toBeNull();
  });
});
