/** The session state's rules, event by event, without a relay: what a viewer or host would see change. */
import { describe, expect, it } from 'vitest';
import type { Message } from '../../../protocol/chat.js';
import type { Session } from '../../../protocol/sessions.js';
import { applyServerEvent, initialSessionState, type SessionChannelState, type SessionServerEvent } from './session-state.js';

const me = { sessionId: 's1', selfId: 'me' };
let seq = 10;
function msg(id: string, extra: Partial<Message> = {}): Message {
  seq += 3;
  return {
    id,
    sessionId: 's1',
    userId: 'u1',
    displayName: 'Ada',
    content: `text ${id}`,
    type: 'text',
    clientMessageId: null,
    pinned: false,
    createdAt: '2026-01-01T10:00:00.000Z',
    seq,
    ...extra,
  };
}
const session: Session = {
  id: 's1',
  hostId: 'host',
  host: { id: 'host', displayName: 'Host' },
  title: 'Live',
  description: '',
  type: 'video',
  isPublic: true,
  maxParticipants: 4,
  state: 'live',
  createdAt: '2026-01-01T09:00:00.000Z',
  startedAt: '2026-01-01T09:01:00.000Z',
  endedAt: null,
  viewerCount: 0,
  participantCount: 1,
  hostConnected: true,
};
const joined = (change: Partial<SessionChannelState> = {}): SessionChannelState => ({ ...initialSessionState(), status: 'joined', session, ...change });
const apply = (state: SessionChannelState, ...events: SessionServerEvent[]) => events.reduce((s, e) => applyServerEvent(s, e, me), state);
const ids = (list: readonly { id: string }[]) => list.map((m) => m.id);

describe('applyServerEvent', () => {
  it('keeps chat in storage order whatever order batches arrive in, without duplicates', () => {
    const [a, b, c] = [msg('a'), msg('b'), msg('c')];
    const state = apply(
      joined(),
      { name: 'chat:messages', payload: { sessionId: 's1', messages: [c] } },
      { name: 'chat:messages', payload: { sessionId: 's1', messages: [a, b] } },
      { name: 'chat:messages', payload: { sessionId: 's1', messages: [b] } },
    );
    expect(ids(state.messages)).toEqual(['a', 'b', 'c']);
  });

  it('takes my message out of "sending" when its broadcast arrives before the ack', () => {
    const pending = [{ clientMessageId: 'c1', content: 'hi', status: 'pending' as const, error: null, createdAt: '2026-01-01T10:00:00.000Z' }];
    const state = apply(joined({ pending }), {
      name: 'chat:messages',
      payload: { sessionId: 's1', messages: [msg('m1', { userId: 'me', clientMessageId: 'c1' })] },
    });
    expect(state.pending).toEqual([]);
    expect(ids(state.messages)).toEqual(['m1']);
  });

  it('removes a deleted message from the chat and the pins; pins and unpins in both', () => {
    const m = msg('m');
    let state = apply(joined({ messages: [m] }), { name: 'chat:pinned', payload: { sessionId: 's1', message: m } });
    expect(state.messages[0]?.pinned).toBe(true);
    expect(ids(state.pins)).toEqual(['m']);
    state = apply(state, { name: 'chat:unpinned', payload: { sessionId: 's1', message: m } });
    expect(state.messages[0]?.pinned).toBe(false);
    expect(state.pins).toEqual([]);
    state = apply(state, { name: 'chat:pinned', payload: { sessionId: 's1', message: m } }, { name: 'chat:deleted', payload: { sessionId: 's1', messageId: 'm' } });
    expect(state.messages).toEqual([]);
    expect(state.pins).toEqual([]);
  });

  it('adds reaction updates to the totals (each update carries only what changed)', () => {
    const state = apply(
      joined({ reactions: { '❤️': 4 } }),
      { name: 'chat:reactions', payload: { sessionId: 's1', counts: { '🔥': 1 }, recent: [] } },
      { name: 'chat:reactions', payload: { sessionId: 's1', counts: { '❤️': 5 }, recent: [{ emoji: '❤️', userId: 'u2' }] } },
    );
    expect(state.reactions).toEqual({ '❤️': 5, '🔥': 1 });
  });

  it('mutes, unmutes and bans me only when the event names me', () => {
    const base = joined();
    expect(apply(base, { name: 'moderation:muted', payload: { sessionId: 's1', userId: 'someone' } })).toBe(base);
    const muted = apply(base, { name: 'moderation:muted', payload: { sessionId: 's1', userId: 'me', until: null } });
    expect(muted.muted).toBe(true);
    expect(apply(muted, { name: 'moderation:unmuted', payload: { sessionId: 's1', userId: 'me' } }).muted).toBe(false);
    const banned = apply(base, { name: 'moderation:banned', payload: { sessionId: 's1', userId: 'me' } });
    expect(banned).toMatchObject({ banned: true, status: 'error' });
    const anonymous = applyServerEvent(base, { name: 'moderation:banned', payload: { sessionId: 's1', userId: 'me' } }, { sessionId: 's1', selfId: null });
    expect(anonymous).toBe(base);
  });

  it('follows the live state, participants, viewer count and slow mode', () => {
    const state = apply(
      joined(),
      { name: 'session:state', payload: { sessionId: 's1', state: 'ended' } },
      { name: 'participants:update', payload: { sessionId: 's1', participants: [{ userId: 'g', displayName: 'Guest', role: 'guest', audioEnabled: true, videoEnabled: false, connected: true, joinedAt: '2026-01-01T09:05:00.000Z' }] } },
      { name: 'viewers:count', payload: { sessionId: 's1', count: 42 } },
      { name: 'chat:settings', payload: { sessionId: 's1', settings: { slowModeSeconds: 10, blockedTerms: [], followersOnly: false, followersOnlyMinutes: 0 } } },
      { name: 'hls:health', payload: { sessionId: 's1', health: 'diskFull' } },
    );
    expect(state.session?.state).toBe('ended');
    expect(state.hlsHealth).toBe('diskFull');
    expect(state.participants.map((p) => p.userId)).toEqual(['g']);
    expect(state.viewerCount).toBe(42);
    expect(state.slowModeSeconds).toBe(10);
  });

  it("ignores other sessions' events, and a state change before the session is known", () => {
    const base = joined();
    expect(apply(base, { name: 'viewers:count', payload: { sessionId: 'other', count: 9 } })).toBe(base);
    expect(apply(base, { name: 'chat:messages', payload: { sessionId: 'other', messages: [msg('x', { sessionId: 'other' })] } })).toBe(base);
    const unknown = initialSessionState();
    expect(apply(unknown, { name: 'session:state', payload: { sessionId: 's1', state: 'live' } })).toBe(unknown);
  });
});
