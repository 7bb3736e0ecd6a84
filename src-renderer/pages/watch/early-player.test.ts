import { describe, expect, it } from 'vitest';
import { HlsHintReply } from '../../../protocol/hls.js';
import { MediaHintReply } from '../../../protocol/media.js';
import { JoinReply, SessionReply } from '../../../protocol/sessions.js';
import { earlyWhepPlan, type BootReplies } from './early-player.js';

const id = '0b696573-fd1a-4e00-8a0e-da2de6bd6d75';
const hostId = '90d0c05a-70b2-4067-aafb-7060fed9d8a1';
const at = '2026-12-01T13:18:18.711Z';
const page = { origin: 'https://live.example', search: '' };

/** Replies as the relay sends them: each is checked against the protocol schema the page parses it with. */
function replies(overrides: { transport?: 'whip' | 'p2p'; state?: string; type?: string; masterUrl?: string | null; webrtcHasRoom?: boolean; iceServers?: unknown[] } = {}): BootReplies {
  const media = { media: { transport: overrides.transport ?? 'whip', whipUrl: `/api/whip/${id}`, whepUrl: `/api/whep/${id}` } };
  const hls = { hls: { masterUrl: overrides.masterUrl ?? null, webrtcHasRoom: overrides.webrtcHasRoom ?? true } };
  const session = {
    session: {
      id, hostId, host: { id: hostId, displayName: 'Awa' }, title: 'Live', description: '', type: overrides.type ?? 'video', isPublic: true,
      maxParticipants: 4, state: overrides.state ?? 'live', createdAt: at, startedAt: at, endedAt: null, viewerCount: 1, participantCount: 1, hostConnected: true,
    },
  };
  const join = {
    participant: { userId: hostId, displayName: 'Vic', role: 'viewer', audioEnabled: false, videoEnabled: false, connected: false, joinedAt: at },
    iceServers: overrides.iceServers ?? [{ urls: ['turn:turn.example:3478'], username: 'u', credential: 'c' }, { urls: 'stun:stun.example:3478' }],
  };
  expect(MediaHintReply.safeParse(media).success).toBe(true);
  expect(HlsHintReply.safeParse(hls).success).toBe(true);
  expect(SessionReply.safeParse(session).success).toBe(true);
  return { media, hls, session, join };
}

describe('the watch page offers WHEP from its boot module', () => {
  it('when the live plays WHEP with room: at the endpoint the player would use, with the seat’s TURN servers', () => {
    const r = replies();
    expect(JoinReply.safeParse(r.join).success).toBe(true);
    expect(earlyWhepPlan(r, page)).toEqual({
      whepUrl: `https://live.example/api/whep/${id}`,
      iceServers: [{ urls: ['turn:turn.example:3478'], username: 'u', credential: 'c' }, { urls: 'stun:stun.example:3478' }],
      video: true,
    });
  });

  it('without a video m-line for an audio-only live, and while the live is starting', () => {
    expect(earlyWhepPlan(replies({ type: 'audio' }), page)?.video).toBe(false);
    expect(earlyWhepPlan(replies({ state: 'starting' }), page)).not.toBeNull();
  });

  it('not when the page will play LL-HLS first: the room is full or ?transport=hls', () => {
    expect(earlyWhepPlan(replies({ masterUrl: '/hls/x/master.m3u8', webrtcHasRoom: false }), page)).toBeNull();
    expect(earlyWhepPlan(replies(), { ...page, search: '?transport=hls' })).toBeNull();
    // Forced WebRTC plays WHEP even past the room; a full room without LL-HLS plays WHEP too.
    expect(earlyWhepPlan(replies({ masterUrl: '/hls/x/master.m3u8', webrtcHasRoom: false }), { ...page, search: '?transport=webrtc' })).not.toBeNull();
    expect(earlyWhepPlan(replies({ masterUrl: null, webrtcHasRoom: false }), page)).not.toBeNull();
  });

  it('not for a peer-to-peer live, a live not on air, or without a seat (invite link, failed join)', () => {
    expect(earlyWhepPlan(replies({ transport: 'p2p' }), page)).toBeNull();
    for (const state of ['pending', 'ending', 'ended']) expect(earlyWhepPlan(replies({ state }), page)).toBeNull();
    expect(earlyWhepPlan({ ...replies(), join: null }, page)).toBeNull();
    expect(earlyWhepPlan({ ...replies(), media: null }, page)).toBeNull();
  });

  it('not when a reply is not what the protocol says (the page then reports it with the schema’s error)', () => {
    expect(earlyWhepPlan(replies({ iceServers: [{ urls: 42 }] }), page)).toBeNull();
    expect(earlyWhepPlan(replies({ iceServers: [{ urls: 'stun:x', username: 7 }] }), page)).toBeNull();
    expect(earlyWhepPlan({ ...replies(), media: { media: { transport: 'whip', whepUrl: null } } }, page)).toBeNull();
    expect(earlyWhepPlan({ ...replies(), session: 'live' }, page)).toBeNull();
  });
});
