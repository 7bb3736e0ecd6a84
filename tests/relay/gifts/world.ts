/** A live with a host and signed-in viewers holding coins, for the gift and payment suites (public HTTP API only). */
import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import { buildPath } from '../../../protocol/http.js';
import { routes } from '../../../protocol/routes.js';
import { SessionReply } from '../../../protocol/sessions.js';
import { SendGiftReply, WalletReply, type Wallet } from '../../../protocol/gifts.js';
import type { TestRelay } from '../../support/relay.js';

export interface Member {
  userId: string;
  token: string;
}

type Route = (typeof routes)[keyof typeof routes];

export function call(t: TestRelay, route: Route, params: Record<string, string>, member?: Member, body?: unknown) {
  return t.api(route.method, buildPath(route.path, params), { token: member?.token, body });
}

export async function member(t: TestRelay): Promise<Member> {
  const { user, token } = await t.register();
  return { userId: user.id, token };
}

/** A session of a new host: started (live) unless `start` is false. */
export async function live(t: TestRelay, options: { isPublic?: boolean; start?: boolean } = {}): Promise<{ host: Member; sessionId: string }> {
  const host = await member(t);
  const created = await call(t, routes.createSession, {}, host, { title: 'Gift night', type: 'video', isPublic: options.isPublic ?? true });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const sessionId = SessionReply.parse(created.body).session.id;
  if (options.start !== false) {
    const started = await call(t, routes.startSession, { id: sessionId }, host);
    expect(started.status, JSON.stringify(started.body)).toBe(200);
  }
  return { host, sessionId };
}

export async function grant(t: TestRelay, who: Member, coins: number): Promise<Wallet> {
  const res = await call(t, routes.devGrant, {}, who, { coins });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return WalletReply.parse(res.body).wallet;
}

export async function walletOf(t: TestRelay, who: Member): Promise<Wallet> {
  const res = await call(t, routes.wallet, {}, who);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return WalletReply.parse(res.body).wallet;
}

export const giftId = (): string => `g_${randomBytes(8).toString('hex')}`;

export function sendGift(t: TestRelay, sessionId: string, who: Member | undefined, body: unknown) {
  return call(t, routes.sendGift, { id: sessionId }, who, body);
}

export async function sentGift(t: TestRelay, sessionId: string, who: Member, gift: string, count: number, clientGiftId = giftId()) {
  const res = await sendGift(t, sessionId, who, { giftId: gift, count, clientGiftId });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return SendGiftReply.parse(res.body);
}
