import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { ConnectionState } from '../../../shared/realtime/index.js';
import { useLive, useServices } from '../../context.js';
import { assessHealth, type Health } from './health.js';

/** The relay link's state, live. */
export function useConnectionState(): ConnectionState {
  const { connection } = useServices();
  return useSyncExternalStore(
    (cb) => connection.onState(cb),
    () => connection.state,
  );
}

/** Frames the compositor skipped in its last one-second window (its own counter is a running total). */
function useRecentDrops(): number {
  const { engine } = useServices();
  const [dropped, setDropped] = useState(0);
  const last = useRef<number | null>(null);
  useEffect(
    () =>
      engine.compositor.events.on('stats', (s) => {
        setDropped(last.current === null ? 0 : Math.max(0, s.missed - last.current));
        last.current = s.missed;
      }),
    [engine],
  );
  return dropped;
}

export function useHealth(): Health {
  const live = useLive();
  const connection = useConnectionState();
  const droppedFrames = useRecentDrops();
  return assessHealth({
    phase: live.phase,
    connection,
    transport: live.media.transport,
    upload: live.media.upload,
    bitrateKbps: live.stats.bitrateKbps,
    fps: live.stats.fps,
    droppedFrames,
    viewers: live.stats.viewers,
    durationMs: live.stats.durationMs,
    hlsHealth: live.hlsHealth,
  });
}
