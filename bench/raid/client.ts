/** The socket.io client both sides of the raid bench use: the measured viewers and the raider. */
import { io, type Socket } from 'socket.io-client';
import { z } from 'zod';

export const Ack = z.object({ ok: z.boolean(), error: z.object({ code: z.string() }).optional() }).loose();

/**
 * One websocket-only connection, no reconnection. `localAddress` picks the source address (engine.io-client
 * hands it to the Node WebSocket, though socket.io-client's types omit it). A refused or timed-out attempt
 * is closed, or engine.io keeps the half-made connection and its descriptor.
 */
export function connect(url: string, options: { token?: string; timeoutMs: number; localAddress?: string }): Promise<Socket> {
  const source = options.localAddress ? { localAddress: options.localAddress } : {};
  return new Promise((resolve, reject) => {
    const socket = io(url, { ...source, transports: ['websocket'], forceNew: true, reconnection: false, timeout: options.timeoutMs, auth: options.token ? { token: options.token } : {} });
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (err) => {
      socket.close();
      reject(err);
    });
  });
}

export async function emit(socket: Socket, event: string, payload: unknown, timeoutMs: number): Promise<z.infer<typeof Ack>> {
  return Ack.parse(await socket.timeout(timeoutMs).emitWithAck(event, payload));
}
