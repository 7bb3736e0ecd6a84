/**
 * Logging out is forever: the relay runs as a real process without REDIS_URL, a token is logged out
 * and another user signs out everywhere, then the relay is stopped and started again on the same
 * database. The logged-out token and every token from before "sign out everywhere" are still refused
 * (401 over HTTP, `unauthorized` on the socket handshake); tokens that were never ended still work.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { io as connect } from 'socket.io-client';
import { afterAll, describe, expect, it } from 'vitest';
import { AuthReply } from '../../../protocol/users.js';
import { reserveTestDatabase, testDialects, type ReservedDatabase } from '../../support/databases.js';
import { freePort, relayProcess, type RelayProcess } from '../crash/relay-process.js';

async function call(url: string, method: string, route: string, token?: string, body?: unknown): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${url}${route}`, {
    method,
    headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as unknown) : undefined };
}

/** Resolves 'connected' or the handshake's error message. */
function handshake(url: string, token: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(url, { auth: { token }, transports: ['websocket'], forceNew: true, reconnection: false });
    socket.on('connect', () => {
      socket.close();
      resolve('connected');
    });
    socket.on('connect_error', (err) => {
      socket.close();
      resolve(err.message);
    });
  });
}

const password = 'correct horse battery';
const signIn = async (url: string, username: string, route: 'register' | 'login') =>
  AuthReply.parse((await call(url, 'POST', `/api/auth/${route}`, undefined, { username, password })).body).token;

describe.each(testDialects)('logout survives a relay restart [%s]', (dialect) => {
  let relay: RelayProcess | undefined;
  let reserved: ReservedDatabase | undefined;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'afritok-logout-'));

  afterAll(async () => {
    await relay?.stop();
    await reserved?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('a logged-out token and every token from before "sign out everywhere" stay refused after a restart', { timeout: 400_000 }, async () => {
    reserved = await reserveTestDatabase(dialect);
    relay = relayProcess({ DATA_DIR: dataDir, DATABASE_URL: reserved.database.url }, await freePort());
    await relay.start();
    const { url } = relay;
    const stamp = Date.now().toString(36);

    // Ada signs in on two devices and logs out on one.
    const adaPhone = await signIn(url, `ada_${stamp}`, 'register');
    const adaLaptop = await signIn(url, `ada_${stamp}`, 'login');
    expect((await call(url, 'POST', '/api/auth/logout', adaPhone)).status).toBe(204);
    // Bob signs in on two devices, then signs out everywhere from one of them, then signs in again.
    const bobOld1 = await signIn(url, `bob_${stamp}`, 'register');
    const bobOld2 = await signIn(url, `bob_${stamp}`, 'login');
    expect((await call(url, 'POST', '/api/auth/sign-out-everywhere', bobOld1)).status).toBe(204);
    const bobNew = await signIn(url, `bob_${stamp}`, 'login');

    const expectState = async () => {
      for (const dead of [adaPhone, bobOld1, bobOld2]) {
        expect((await call(url, 'GET', '/api/auth/me', dead)).status).toBe(401);
        expect(await handshake(url, dead)).toBe('unauthorized');
      }
      for (const alive of [adaLaptop, bobNew]) {
        expect((await call(url, 'GET', '/api/auth/me', alive)).status).toBe(200);
        expect(await handshake(url, alive)).toBe('connected');
      }
    };
    await expectState();

    await relay.stop();
    await relay.start();
    await expectState();

    // Signing out everywhere needs a valid sign-in; an ended one cannot do it again.
    expect((await call(url, 'POST', '/api/auth/sign-out-everywhere', bobOld2)).status).toBe(401);
  });
});
