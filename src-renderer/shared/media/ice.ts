import { routes } from '../../../protocol/routes.js';
import type { ApiClient } from '../api/client.js';
import type { IceServer } from '../../../protocol/sessions.js';

/** The relay's ICE server entries as RTCPeerConnection takes them (absent fields left out, not undefined). */
export function toRtcIceServers(iceServers: readonly IceServer[]): RTCIceServer[] {
  return iceServers.map((s) => ({
    urls: s.urls,
    ...(s.username !== undefined ? { username: s.username } : {}),
    ...(s.credential !== undefined ? { credential: s.credential } : {}),
  }));
}

/**
 * The ICE servers for `sessionId` (`GET /api/sessions/:id/ice-servers`, participants only). Falls back
 * to none (host candidates only, fine on a LAN and on loopback) when the call fails.
 */
export async function getIceServers(api: ApiClient, sessionId: string): Promise<RTCIceServer[]> {
  try {
    const { iceServers } = await api.call(routes.iceServers, { params: { id: sessionId } });
    return toRtcIceServers(iceServers);
  } catch (err) {
    console.warn('could not fetch ICE servers; using host candidates only', err);
    return [];
  }
}
