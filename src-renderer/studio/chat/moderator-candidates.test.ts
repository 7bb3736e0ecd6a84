import { describe, expect, it } from 'vitest';
import type { Message } from '../../../protocol/chat.js';
import type { Participant } from '../../../protocol/sessions.js';
import { moderatorCandidates } from './moderator-candidates.js';

const sessionId = '00000000-0000-4000-8000-000000000000';
const id = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;

function said(userId: string, displayName: string, type: Message['type'] = 'text'): Message {
  return { id: `${userId}-m`, sessionId, userId, displayName, content: 'hi', type, clientMessageId: null, pinned: false, createdAt: new Date().toISOString(), seq: 1 };
}

function onStage(userId: string, displayName: string, role: Participant['role']): Participant {
  return { userId, displayName, role, audioEnabled: true, videoEnabled: true, connected: true, joinedAt: new Date().toISOString() };
}

describe('who the host can make moderator', () => {
  it('offers a viewer who chatted, once, beside the guests; never the host', () => {
    const list = moderatorCandidates(
      [onStage(id(1), 'Host', 'host'), onStage(id(2), 'Gina', 'guest')],
      [said(id(3), 'Ada'), said(id(3), 'Ada'), said(id(1), 'Host'), said(id(4), 'system', 'system')],
      id(1),
    );
    expect(list.map((c) => [c.displayName, c.role])).toEqual([
      ['Ada', 'viewer'],
      ['Gina', 'guest'],
    ]);
  });

  it('shows a promoted chatter as moderator (the stage roster wins over the chat)', () => {
    const list = moderatorCandidates([onStage(id(3), 'Ada', 'moderator')], [said(id(3), 'Ada')], id(1));
    expect(list).toEqual([{ userId: id(3), displayName: 'Ada', role: 'moderator' }]);
  });
});
