/** The few HTTP calls the load tool makes, typed and checked with the protocol's own schemas. */
import { randomBytes, randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { ErrorBody } from '../../protocol/common.js';
import { buildPath, type RouteDef } from '../../protocol/http.js';
import { OPERATOR_HEADER, type OperatorGuest } from '../../protocol/operator.js';
import { routes } from '../../protocol/routes.js';

export class RelayRefused extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

async function call<R extends RouteDef>(
  base: string,
  def: R,
  options: { params?: Record<string, string>; body?: z.input<R['body']>; token?: string; operator?: string },
): Promise<z.output<R['reply']>> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.operator) headers[OPERATOR_HEADER] = options.operator;
  const res = await fetch(`${base}${buildPath(def.path, options.params ?? {})}`, {
    method: def.method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await res.text();
  const json: unknown = text ? JSON.parse(text) : undefined;
  if (!res.ok) {
    const error = ErrorBody.safeParse(json);
    throw new RelayRefused(res.status, error.success ? error.data.error.code : 'unknown', error.success ? error.data.error.message : `HTTP ${res.status}`);
  }
  return def.reply.parse(json) as z.output<R['reply']>;
}

const BATCH = 500;

/** `count` guest accounts minted with the operator token (batches of 500). */
export async function mintGuests(base: string, operator: string, count: number): Promise<OperatorGuest[]> {
  const guests: OperatorGuest[] = [];
  while (guests.length < count) {
    const n = Math.min(BATCH, count - guests.length);
    const reply = await call(base, routes.operatorGuests, { operator, body: { count: n, namePrefix: 'load' } });
    guests.push(...reply.guests);
  }
  return guests;
}

export interface Host {
  token: string;
}

/** Guests may not host: a run without --session registers one account of its own (username load_…). */
export async function registerHost(base: string): Promise<Host> {
  const username = `load_${randomBytes(6).toString('hex')}`;
  const reply = await call(base, routes.register, { body: { username, password: randomBytes(18).toString('base64url') } });
  return { token: reply.token };
}

/** A public live hosted by `host`, for a run that was given no --session. */
export async function createLive(base: string, host: Host): Promise<string> {
  const { session } = await call(base, routes.createSession, {
    token: host.token,
    body: { title: `Load test ${new Date().toISOString().slice(0, 16)}`, type: 'video', isPublic: true },
  });
  await call(base, routes.startSession, { token: host.token, params: { id: session.id } });
  return session.id;
}

export async function endLive(base: string, host: Host, sessionId: string): Promise<void> {
  await call(base, routes.endSession, { token: host.token, params: { id: sessionId } });
}

/** The WHEP endpoint of a live (absolute). */
export async function whepUrl(base: string, token: string, sessionId: string): Promise<string> {
  const { media } = await call(base, routes.mediaHint, { token, params: { id: sessionId } });
  if (!media.whepUrl) throw new RelayRefused(409, 'invalid_transition', `Live ${sessionId} is not sent through WHEP (transport ${media.transport})`);
  return new URL(media.whepUrl, base).href;
}

export const newClientMessageId = (): string => randomUUID();
