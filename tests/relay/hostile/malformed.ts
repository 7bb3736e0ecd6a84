/**
 * A deterministic stream of malformed socket events: wrong types, missing and extra fields, unknown
 * events, huge arrays, deep nesting, `__proto__` keys and binary attachments. Every payload for a
 * known event is invalid by construction, so the only correct answer is `invalid_input`.
 */
export const KNOWN_EVENTS = ['chat:send', 'chat:react', 'session:join', 'session:leave', 'signal'] as const;
const UNKNOWN_EVENTS = ['chat:delete', 'admin', 'constructor', 'hasOwnProperty', 'toString', '__proto__x', 'chat:send ', 'CHAT:SEND', 'x'.repeat(300)];

export interface HostileEvent {
  event: string;
  args: unknown[];
  /** True when the relay has a handler that must acknowledge with invalid_input. */
  known: boolean;
}

/** mulberry32: small, seeded, good enough to vary payloads reproducibly. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function deep(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = { sessionId: value };
  return value;
}

/** Payloads that no event schema accepts, given a real session id to make them tempting. */
function invalidPayloads(sessionId: string): Array<() => unknown> {
  return [
    () => null,
    () => undefined,
    () => 42,
    () => 'chat:send',
    () => true,
    () => [],
    () => [sessionId, 'hello'],
    () => ({}),
    () => ({ sessionId: 7, content: 'hi', clientMessageId: 'abcdefgh' }),
    () => ({ sessionId: [sessionId], emoji: '👍' }),
    () => ({ sessionId, content: { toString: 'x' }, clientMessageId: 'abcdefgh', emoji: { a: 1 } }),
    () => ({ sessionId, content: 'hi', clientMessageId: 'short', emoji: 'not-one-emoji' }),
    () => ({ sessionId, content: 'x'.repeat(5000), clientMessageId: 'abcdefgh', emoji: '👍👍' }),
    () => ({ sessionId, content: '\u200B\u200B', clientMessageId: 'abcdefgh', emoji: '' }),
    () => ({ sessionId: '', content: 'hi', clientMessageId: 'abcdefgh', emoji: '👍' }),
    () => ({ sessionId: 'x'.repeat(65), content: 'hi', clientMessageId: 'abcdefgh', emoji: '👍' }),
    () => ({ sessionId, content: 'hi', clientMessageId: 'abcdefgh', emoji: '👍', to: 'u', data: {}, extra: 1 }),
    () => JSON.parse(`{"__proto__": {"polluted": "yes"}, "sessionId": "${sessionId}", "content": 5}`) as unknown,
    () => JSON.parse('{"constructor": {"prototype": {"polluted": "yes"}}}') as unknown,
    () => ({ sessionId, content: Array.from({ length: 20_000 }, () => 'a'), clientMessageId: 'abcdefgh' }),
    () => Array.from({ length: 20_000 }, (_, i) => i),
    () => deep(200),
    () => ({ sessionId, afterMessageId: { $gt: '' }, content: null, clientMessageId: null, emoji: null }),
    () => Buffer.from('binary attachment'),
    () => ({ sessionId: Buffer.from(sessionId), content: Buffer.from('hi'), clientMessageId: 'abcdefgh', emoji: Buffer.from('👍') }),
    () => new Uint8Array([0, 1, 2, 255]),
    () => ({ sessionId, to: { $ne: null }, data: 'x'.repeat(100) }),
    () => ({ sessionId, to: 'someone', data: { description: { type: 'offer', sdp: 'x'.repeat(70_000) } } }),
  ];
}

/** `count` hostile events for `sessionId`, about one in six to events the relay does not have. */
export function hostileEvents(sessionId: string, count: number, seed = 20261125): HostileEvent[] {
  const random = prng(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const payloads = invalidPayloads(sessionId);
  return Array.from({ length: count }, () => {
    const known = random() > 1 / 6;
    const event = known ? pick(KNOWN_EVENTS) : pick(UNKNOWN_EVENTS);
    const payload = pick(payloads)();
    // Sometimes several arguments, sometimes none: the ack is always the last one.
    const shape = random();
    const args = shape < 0.08 ? [] : shape < 0.16 ? [payload, payload, 'third'] : [payload];
    return { event, args, known };
  });
}
