import dgram from 'node:dgram';

/** Binds a UDP socket on `host:port` and closes it: whether the port is free right now. */
function isFree(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = dgram.createSocket('udp4');
    socket.once('error', () => resolve(false));
    socket.bind(port, host, () => socket.close(() => resolve(true)));
  });
}

const LOWEST = 20_000;
const SPAN = 20_000;

/**
 * An even UDP port whose odd neighbour is free too: an RTP receiver (ffmpeg's SDP input) binds the
 * port for RTP and the next one for RTCP. Taken ports are skipped; another process may still bind one
 * between this check and the receiver's bind, so a receiver that fails to bind is restarted by its owner.
 */
export async function freeRtpPortPair(host: string, avoid: ReadonlySet<number> = new Set()): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = LOWEST + 2 * Math.floor((Math.random() * SPAN) / 2);
    if (avoid.has(port) || avoid.has(port + 1)) continue;
    if ((await isFree(host, port)) && (await isFree(host, port + 1))) return port;
  }
  throw new Error('no free UDP port pair for the media tap');
}

/**
 * Resolves once some process listens on UDP `port` (Linux: /proc/net/udp), or after `timeoutMs`
 * anyway: packets sent before the receiver binds are lost, so the tap starts sending only then.
 */
export async function untilUdpListener(port: number, timeoutMs: number, readTable: () => Promise<string>): Promise<boolean> {
  const hex = `:${port.toString(16).toUpperCase().padStart(4, '0')} `;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const table = await readTable().catch(() => null);
    if (table === null) break;
    // Local address column: "0100007F:4E20 " (address:port in hex).
    if (table.split('\n').some((line) => line.trim().split(/\s+/)[1]?.endsWith(hex.trim()))) return true;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return false;
}
