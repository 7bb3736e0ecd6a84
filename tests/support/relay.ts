/**
 * A real relay for tests: fresh database (MariaDB or a SQLite file, from databases.ts), real HTTP
 * server on a free port, real Socket.io clients. Every suite builds its own and closes it in afterAll.
 *
 *   describe.each(testDialects)('sessions [%s]', (dialect) => {
 *     let t: TestRelay;
 *     beforeAll(async () => { t = await startTestRelay({ dialect }); });
 *     afterAll(() => t.close());
 *   });
 *
 *   const t = await startTestRelay({ dialect: 'sqlite' });
 *   const alice = await t.register('alice');           // {user, token}
 *   const res = await t.api('POST', '/api/sessions', { token: alice.token, body: {...} });
 *   const socket = await t.socket(alice.token);         // connected client
 *   await t.close();
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { io as connect, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../../protocol/events.js';
import type { User } from '../../protocol/users.js';
import { AuthReply } from '../../protocol/users.js';
import { loadConfig, type RelayConfig } from '../../relay-server/src/config.js';
import { createRelay, type Relay, type RelayDeps } from '../../relay-server/src/app.js';
import type { Storage } from '../../relay-server/src/storage/types.js';
import { createTestDatabase, testDialects, type Dialect } from './databases.js';

export { testDialects, type Dialect };
export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface TestRelayOptions {
  dialect: Dialect;
  /** Extra environment for loadConfig (e.g. MAX_LIVE_VIEWERS). */
  env?: Record<string, string>;
  /** Config overrides applied after loadConfig (e.g. webRoot). */
  config?: Partial<RelayConfig>;
  deps?: Omit<RelayDeps, 'storage'>;
}

export interface ApiResponse {
  status: number;
  headers: Headers;
  /** Parsed JSON, or undefined for an empty body. */
  body: unknown;
}

export interface TestRelay {
  url: string;
  port: number;
  relay: Relay;
  storage: Storage;
  config: RelayConfig;
  /** Registers an account (random username when omitted). */
  register(username?: string, password?: string): Promise<{ user: User; token: string }>;
  /** A signed-in guest account. */
  guest(displayName?: string): Promise<{ user: User; token: string }>;
  /** A connected Socket.io client (anonymous without token); rejects with the connect error. */
  socket(token?: string, options?: { origin?: string; transports?: Array<'polling' | 'websocket'> }): Promise<ClientSocket>;
  api(method: string, route: string, options?: { token?: string; body?: unknown; headers?: Record<string, string> }): Promise<ApiResponse>;
  close(): Promise<void>;
}

export const uniqueName = (prefix = 'u'): string => `${prefix}_${randomBytes(5).toString('hex')}`;

export async function startTestRelay(options: TestRelayOptions): Promise<TestRelay> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'afritok-relay-'));
  const database = await createTestDatabase(options.dialect);
  const config: RelayConfig = {
    // Every test signs up from 127.0.0.1: lift the per-address sign-up limit (tests of the limit set their own).
    ...loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', DATA_DIR: dataDir, SIGNUP_RATE_PER_MINUTE: '1000000', RTMP_PORT: 'off', ...options.env }),
    database: database.database,
    ...options.config,
  };
  const relay = await createRelay(config, { ...options.deps, storage: database.storage });
  const { port } = await relay.listen();
  const url = `http://127.0.0.1:${port}`;
  const sockets = new Set<ClientSocket>();

  const api: TestRelay['api'] = async (method, route, opts = {}) => {
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    let body: string | undefined;
    if (opts.body !== undefined) {
      headers['content-type'] ??= 'application/json';
      body = typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body);
    }
    const res = await fetch(`${url}${route}`, { method, headers, body });
    const text = await res.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = text;
    }
    return { status: res.status, headers: res.headers, body: parsed };
  };

  const signIn = async (route: string, body: unknown) => {
    const res = await api('POST', route, { body });
    if (res.status !== 201) throw new Error(`${route} failed: ${res.status} ${JSON.stringify(res.body)}`);
    return AuthReply.parse(res.body);
  };

  return {
    url,
    port,
    relay,
    storage: database.storage,
    config,
    register: (username = uniqueName(), password = 'correct horse battery') =>
      signIn('/api/auth/register', { username, password }),
    guest: (displayName = 'Guest viewer') => signIn('/api/auth/guest', { displayName }),
    socket(token, socketOptions = {}) {
      const socket: ClientSocket = connect(url, {
        auth: token ? { token } : {},
        transports: socketOptions.transports ?? ['websocket'],
        extraHeaders: socketOptions.origin ? { origin: socketOptions.origin } : undefined,
        forceNew: true,
        reconnection: false,
      });
      sockets.add(socket);
      return new Promise((resolve, reject) => {
        socket.once('connect', () => resolve(socket));
        socket.once('connect_error', (err) => {
          socket.close();
          reject(err);
        });
      });
    },
    api,
    async close() {
      for (const socket of sockets) socket.close();
      await relay.close();
      await database.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
