import type { Message } from '../../../protocol/chat.js';
import type { Participant, Role } from '../../../protocol/sessions.js';

export interface Candidate {
  userId: string;
  displayName: string;
  role: Role;
}

/**
 * The people of a live the host can see: those on stage (host, guests, moderators) with their role, and
 * everyone who spoke in the chat as a viewer. The room's roster holds the stage only (viewers would make
 * every update O(n²)), so a viewer who chats is found through their messages.
 */
export function peopleInChat(participants: readonly Participant[], messages: readonly Message[]): Map<string, Candidate> {
  const byId = new Map<string, Candidate>();
  for (const p of participants) byId.set(p.userId, { userId: p.userId, displayName: p.displayName, role: p.role });
  for (const m of messages) {
    if (m.type === 'text' && !byId.has(m.userId)) byId.set(m.userId, { userId: m.userId, displayName: m.displayName, role: 'viewer' });
  }
  return byId;
}

/** Who the host can make moderator: everyone in peopleInChat but the host, by name. */
export function moderatorCandidates(participants: readonly Participant[], messages: readonly Message[], hostId: string | null): Candidate[] {
  return [...peopleInChat(participants, messages).values()]
    .filter((c) => c.role !== 'host' && c.userId !== hostId)
    .sort((a, b) => a.displayName.localeCompare(b.displayName));
}
