import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import { z } from 'zod';
import { rooms } from '../../../protocol/rooms.js';
import type { AuthService } from '../auth/service.js';
import type { TokenClaims } from '../auth/tokens.js';
import { AUTH_COOKIE, bearerToken, readCookie } from '../auth/credentials.js';
import type { OriginPolicy } from '../http/origin.js';
import { clientAddress, type TrustFn } from '../http/client-address.js';
import type { ActorCheck, RelayIo, RelaySocket } from './on-event.js';

/** Socket.io messages above this are refused (an SDP offer is ~10 KB; chat is 500 characters). */
const MAX_SOCKET_MESSAGE_BYTES = 256 * 1024;

/** The verified claims of each signed-in socket, so that each event re-checks only expiry and revocation. */
const handshakeClaims = new WeakMap<RelaySocket, TokenClaims>();

const HandshakeAuth = z.object({ token: z.string().min(1).max(4096).optional() }).catch({});

/**
 * The Socket.io server on the relay's HTTP server. `allowRequest` checks Origin before the handshake
 * on both transports (long-polling and a direct WebSocket upgrade). Connection-state recovery is
 * off: a reconnecting client gets a fresh, re-authorised socket and resynchronises with
 * `session:join {afterMessageId}`, so no event skips the authorisation checks.
 */
export function createSocketServer(httpServer: HttpServer, originPolicy: OriginPolicy): RelayIo {
  return new Server(httpServer, {
    serveClient: false,
    maxHttpBufferSize: MAX_SOCKET_MESSAGE_BYTES,
    allowRequest: (req, callback) => {
      const allowed = originPolicy.isAllowed(req.headers.origin, req.headers.host);
      callback(allowed ? null : 'origin not allowed', allowed);
    },
    // CORS headers for long-polling from the allowed origins (same-origin needs none).
    cors: {
      origin: (origin, callback) => callback(null, origin !== undefined && originPolicy.isAllowed(origin, undefined)),
      credentials: true,
    },
  });
}

/**
 * Handshake: a token from `auth.token`, the Authorization header or the cookie; none → anonymous.
 * A bad token the client presented itself → connect error `unauthorized`. A bad *cookie* (signed out
 * on another device, secret rotated) → anonymous instead: page scripts cannot remove an httpOnly
 * cookie, so refusing would leave a viewer page unable to connect at all.
 */
export function installHandshakeAuth(io: RelayIo, auth: AuthService, trust: TrustFn): void {
  io.use(async (socket, next) => {
    try {
      socket.data.sessions = new Set();
      socket.data.paths = {};
      socket.data.address = clientAddress(socket.request, trust);
      socket.data.actor = null;
      socket.data.token = null;
      const headers = socket.request.headers;
      const presented = HandshakeAuth.parse(socket.handshake.auth).token ?? bearerToken(headers.authorization);
      const token = presented ?? readCookie(headers.cookie, AUTH_COOKIE) ?? null;
      if (!token) return next();
      const authenticated = await auth.authenticate(token);
      if (!authenticated) return presented ? next(new Error('unauthorized')) : next();
      handshakeClaims.set(socket, authenticated.claims);
      socket.data.actor = authenticated.actor;
      socket.data.token = token;
      await socket.join(rooms.user(authenticated.actor.userId));
      next();
    } catch {
      next(new Error('unavailable'));
    }
  });
}

/** Before each event: the handshake's actor while its token is still valid (not logged out, not expired). */
export function createActorCheck(auth: AuthService): ActorCheck {
  return async (socket: RelaySocket) => {
    const { actor } = socket.data;
    const claims = handshakeClaims.get(socket);
    if (!actor || !claims) return null;
    return (await auth.stillValid(claims)) ? actor : null;
  };
}
