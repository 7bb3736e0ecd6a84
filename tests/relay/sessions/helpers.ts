/**
 * Shared steps for the sessions, invitations, signaling and authz suites: a real relay, real
 * accounts, real sockets. Replies are parsed with the protocol schemas so a wrong shape fails.
 */
import { expect } from 'vitest';
import { z } from 'zod';
import { ErrorBody } from '../../../protocol/common.js';
import { clientEvents, type ClientEventName, type ServerEventName, type ServerPayload } from '../../../protocol/events.js';
import { ParticipantReply, SessionReply, type Session } from '../../../protocol/sessions.js';
import { InvitationReply } from '../../../protocol/invitations.js';
import type { ApiResponse, ClientSocket, TestRelay } from '../../support/relay.js';

export interface Account {
  id: string;
  token: string;
}

export async function account(t: TestRelay): Promise<Account> {
  const { user, token } = await t.register();
  return { id: user.id, token };
}

export function parse<S extends z.ZodType>(schema: S, res: ApiResponse, status: number): z.output<S> {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  return schema.parse(res.body);
}

/** Asserts the contract's error shape with this status and code. */
export function expectError(res: ApiResponse, status: number, code?: string): void {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  const body = ErrorBody.parse(res.body);
  if (code) expect(body.error.code).toBe(code);
}

export const sessionBody = (overrides: Record<string, unknown> = {}) => ({ title: 'Afternoon show', type: 'video', isPublic: true, ...overrides });

export async function createSession(t: TestRelay, host: Account, overrides: Record<string, unknown> = {}): Promise<Session> {
  return parse(SessionReply, await t.api('POST', '/api/sessions', { token: host.token, body: sessionBody(overrides) }), 201).session;
}

export async function liveSession(t: TestRelay, host: Account, overrides: Record<string, unknown> = {}): Promise<Session> {
  const created = await createSession(t, host, overrides);
  return parse(SessionReply, await t.api('POST', `/api/sessions/${created.id}/start`, { token: host.token }), 200).session;
}

export async function join(t: TestRelay, sessionId: string, who: Account) {
  return parse(ParticipantReply, await t.api('POST', `/api/sessions/${sessionId}/join`, { token: who.token }), 200).participant;
}

/** Invites `guest` and has them accept: they end up a guest participant. */
export async function seatGuest(t: TestRelay, sessionId: string, host: Account, guest: Account): Promise<void> {
  const { invitation } = parse(
    InvitationReply,
    await t.api('POST', `/api/sessions/${sessionId}/invitations`, { token: host.token, body: { toUserId: guest.id } }),
    201,
  );
  expect((await t.api('POST', `/api/invitations/${invitation.id}/accept`, { token: guest.token })).status).toBe(200);
}

/** Resolves with the first `event` whose payload satisfies `match`. */
export function nextEvent<E extends ServerEventName>(
  socket: ClientSocket,
  event: E,
  match: (payload: ServerPayload<E>) => boolean = () => true,
): Promise<ServerPayload<E>> {
  return new Promise((resolve) => {
    const listener = (payload: ServerPayload<E>) => {
      if (!match(payload)) return;
      socket.off(event, listener as never);
      resolve(payload);
    };
    socket.on(event, listener as never);
  });
}

const AnyAck = z.union([
  z.object({ ok: z.literal(true) }).loose(),
  z.object({ ok: z.literal(false), error: z.object({ code: z.string(), message: z.string() }) }),
]);

/** Emits a client event (payload deliberately `unknown`: hostile tests send anything) and parses the ack. */
export async function emit(socket: ClientSocket, event: ClientEventName, payload: unknown) {
  const emitWithAck = socket.emitWithAck.bind(socket) as (e: string, p: unknown) => Promise<unknown>;
  return AnyAck.parse(await emitWithAck(event, payload));
}

export async function joinRoom(socket: ClientSocket, sessionId: string) {
  const ack = await emit(socket, 'session:join', { sessionId });
  if (!ack.ok) throw new Error(`session:join refused: ${JSON.stringify(ack.error)}`);
  return clientEvents['session:join'].reply.parse(ack);
}

export async function expectRefused(socket: ClientSocket, event: ClientEventName, payload: unknown, code: string): Promise<void> {
  const ack = await emit(socket, event, payload);
  expect(ack.ok ? 'accepted' : ack.error.code).toBe(code);
}

/** Closes a client socket and resolves once the relay has processed the disconnect. */
export async function closeSocket(t: TestRelay, socket: ClientSocket): Promise<void> {
  const serverSide = socket.id ? t.relay.io.sockets.sockets.get(socket.id) : undefined;
  const gone = serverSide ? new Promise<void>((resolve) => serverSide.once('disconnect', () => resolve())) : Promise.resolve();
  socket.close();
  await gone;
}
