import type { Participant, Session } from '../../../protocol/sessions.js';
import type { ParticipantRecord, SessionRecord } from '../storage/types.js';

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

/** What a session looks like on the wire: the record plus live facts (counts, host presence) and the host's name. */
export function toSessionView(
  s: SessionRecord,
  host: { id: string; displayName: string },
  live: { viewerCount: number; participantCount: number; hostConnected: boolean },
): Session {
  return {
    id: s.id,
    hostId: s.hostId,
    host: { id: host.id, displayName: host.displayName },
    title: s.title,
    description: s.description,
    type: s.type,
    isPublic: s.isPublic,
    maxParticipants: s.maxParticipants,
    state: s.state,
    createdAt: s.createdAt.toISOString(),
    startedAt: iso(s.startedAt),
    endedAt: iso(s.endedAt),
    viewerCount: live.viewerCount,
    participantCount: live.participantCount,
    hostConnected: live.hostConnected,
  };
}

/** `connected` is not stored: it says whether the user has a socket in the session's room now. */
export function toParticipantView(p: ParticipantRecord, displayName: string, connected: boolean): Participant {
  return {
    userId: p.userId,
    displayName,
    role: p.role,
    audioEnabled: p.audioEnabled,
    videoEnabled: p.videoEnabled,
    connected,
    joinedAt: p.joinedAt.toISOString(),
  };
}
