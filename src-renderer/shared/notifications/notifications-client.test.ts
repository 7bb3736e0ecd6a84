import { describe, expect, it } from 'vitest';
import type { Notification } from '../../../protocol/notifications.js';
import { arrivedWhileOpen, mergeLoaded } from './notifications-client.js';

function live(id: string, read = false): Notification {
  return {
    id,
    kind: 'live',
    creator: { id: `c-${id}`, displayName: `Creator ${id}`, username: `creator_${id}` },
    sessionId: null,
    title: `Live ${id}`,
    startsAt: null,
    createdAt: new Date().toISOString(),
    read,
  };
}

describe('the bell after the relay list is read', () => {
  it('keeps a notification that arrived on the socket while the list was on its way, and counts it', () => {
    // The relay read its list when only A existed; B reached the socket before the reply.
    const merged = mergeLoaded({ notifications: [live('a')], unreadCount: 1 }, [live('b')]);
    expect(merged.notifications.map((n) => n.id)).toEqual(['b', 'a']);
    expect(merged.unreadCount).toBe(2);
  });

  it('does not count twice what the reply already holds', () => {
    const merged = mergeLoaded({ notifications: [live('b'), live('a')], unreadCount: 2 }, [live('b')]);
    expect(merged.notifications.map((n) => n.id)).toEqual(['b', 'a']);
    expect(merged.unreadCount).toBe(2);
  });

  it('adds nothing to the count for a live arrival already read', () => {
    expect(mergeLoaded({ notifications: [], unreadCount: 0 }, [live('x', true)]).unreadCount).toBe(0);
  });
});

describe('toasts for what the socket missed while it connected', () => {
  it('announces an unread notification made after the page opened that the page had not seen', () => {
    const openedAt = Date.now() - 1_000;
    const old = { ...live('old'), createdAt: new Date(openedAt - 60_000).toISOString() };
    const seen = live('seen');
    const readAlready = live('read', true);
    const missed = live('missed');
    const found = arrivedWhileOpen([missed, seen, readAlready, old], new Set(['seen']), openedAt);
    expect(found.map((n) => n.id)).toEqual(['missed']);
  });
});
