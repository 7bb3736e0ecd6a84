import type { Presence } from '../core/ports.js';

/**
 * Hosts who are on air through an encoder (OBS, an RTMP app) rather than a studio socket. For the rest
 * of the relay they are present: the directory lists their live, viewers do not see "host offline", and
 * the host-absence timeout does not end it. Per node, like the forwarder that carries their media.
 */
export class EncoderPresence {
  private readonly hosts = new Map<string, string>();

  mark(sessionId: string, userId: string): void {
    this.hosts.set(sessionId, userId);
  }

  clear(sessionId: string): void {
    this.hosts.delete(sessionId);
  }

  has(sessionId: string, userId: string): boolean {
    return this.hosts.get(sessionId) === userId;
  }

  hostOf(sessionId: string): string | undefined {
    return this.hosts.get(sessionId);
  }
}

/** Presence that also counts a host publishing through an encoder as connected to their session. */
export function withEncoders(presence: Presence, encoders: EncoderPresence): Presence {
  return {
    viewerCount: (sessionId) => presence.viewerCount(sessionId),
    anonymousFrom: (sessionId, address) => presence.anonymousFrom(sessionId, address),
    yieldAnonymousSeat: (sessionId) => presence.yieldAnonymousSeat(sessionId),
    viewerPaths: (sessionId) => presence.viewerPaths(sessionId),
    async connectedUserIds(sessionId) {
      const ids = await presence.connectedUserIds(sessionId);
      const host = encoders.hostOf(sessionId);
      if (host) ids.add(host);
      return ids;
    },
    async isConnected(sessionId, userId) {
      return encoders.has(sessionId, userId) || presence.isConnected(sessionId, userId);
    },
  };
}
