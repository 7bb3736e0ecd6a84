import type { ViewerPaths, ViewerTransport } from '../../../protocol/hls.js';
import type { Logger } from '../core/logger.js';
import type { Notifier, Presence } from '../core/ports.js';
import type { Repositories } from '../storage/types.js';

export interface ViewerPathsDeps {
  presence: Pick<Presence, 'viewerPaths'>;
  notifier: Pick<Notifier, 'toUser'>;
  repos: Pick<Repositories, 'sessions'>;
  logger: Logger;
}

/** Reports within this window become one `viewers:paths` to the host (a join storm is one message). */
const COALESCE_MS = 1_000;

/**
 * How many viewers watch a live over each path (WebRTC from the relay's forwarder, LL-HLS from the
 * origin or a CDN). Each viewer page reports the path it plays on over its socket (`viewer:transport`),
 * kept on the socket itself: the count follows the sockets (a closed tab stops counting) and reaches
 * every relay node through the Socket.io adapter. Other modules (analytics) read `counts`.
 */
export function createViewerPathsService(deps: ViewerPathsDeps) {
  const pending = new Map<string, NodeJS.Timeout>();

  async function flush(sessionId: string): Promise<void> {
    pending.delete(sessionId);
    try {
      const session = await deps.repos.sessions.findById(sessionId);
      if (!session || session.state === 'ended') return;
      deps.notifier.toUser(session.hostId, 'viewers:paths', { sessionId, paths: await deps.presence.viewerPaths(sessionId) });
    } catch (err) {
      deps.logger.warn({ err, sessionId }, 'viewer paths broadcast failed');
    }
  }

  return {
    /** Viewers of the session per path right now, across all relay nodes. */
    counts(sessionId: string): Promise<ViewerPaths> {
      return deps.presence.viewerPaths(sessionId);
    },

    /** Records a viewer socket's path on its data (null: not playing) and tells the host soon. */
    record(paths: Record<string, ViewerTransport>, sessionId: string, transport: ViewerTransport | null): void {
      if (transport) paths[sessionId] = transport;
      else delete paths[sessionId];
      this.changed(sessionId);
    },

    /** Something changed the counts (a report, a socket gone): one broadcast to the host per window. */
    changed(sessionId: string): void {
      if (pending.has(sessionId)) return;
      const timer = setTimeout(() => void flush(sessionId), COALESCE_MS);
      timer.unref();
      pending.set(sessionId, timer);
    },

    stop(): void {
      for (const timer of pending.values()) clearTimeout(timer);
      pending.clear();
    },
  };
}

export type ViewerPathsService = ReturnType<typeof createViewerPathsService>;
