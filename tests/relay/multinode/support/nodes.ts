/**
 * Several real relay processes on one MySQL database and one Redis: what a multi-node deployment runs.
 * Each node is `relay-server/src/main.ts` in its own Node process (tsx), on its own port.
 */
import type { z } from 'zod';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { io as connect, type Socket } from 'socket.io-client';
import { serverEvents, type ClientToServerEvents, type ServerEventName, type ServerPayload, type ServerToClientEvents } from '../../../../protocol/events.js';
import { AuthReply } from '../../../../protocol/users.js';

export type NodeSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const repoRoot = path.resolve(import.meta.dirname, '../../../..');

export interface RelayNode {
  url: string;
  /** The relay process id (benchmarks read its CPU time). */
  pid: number;
  api(method: string, route: string, options?: { token?: string; body?: unknown }): Promise<{ status: number; body: unknown }>;
  socket(token?: string): Promise<NodeSocket>;
  register(username?: string): Promise<z.infer<typeof AuthReply>>;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const net = await import('node:net');
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitHealthy(url: string, child: ChildProcess, output: () => string): Promise<void> {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`relay exited with ${child.exitCode}:\n${output()}`);
    const ok = await fetch(`${url}/healthz`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Starts one relay process; `env` adds to the shared settings (DATABASE_URL, REDIS_URL, JWT_SECRET…). */
export async function startRelayNode(env: Record<string, string>): Promise<RelayNode> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'afritok-node-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'relay-server/src/main.ts'], {
    cwd: repoRoot,
    // PUBLIC_URL: each node knows its own address (WHEP redirects to the node holding a publisher).
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: `http://127.0.0.1:${port}`, DATA_DIR: dataDir, LOG_LEVEL: 'warn', SIGNUP_RATE_PER_MINUTE: '1000000', WEB_ROOT: 'off', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const url = `http://127.0.0.1:${port}`;
  await waitHealthy(url, child, () => output);
  const sockets = new Set<NodeSocket>();

  const api: RelayNode['api'] = async (method, route, options = {}) => {
    const headers: Record<string, string> = {};
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${url}${route}`, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as unknown) : undefined };
  };

  return {
    url,
    pid: child.pid ?? 0,
    api,
    socket(token) {
      const socket: NodeSocket = connect(url, { auth: token ? { token } : {}, transports: ['websocket'], forceNew: true, reconnection: false });
      sockets.add(socket);
      return new Promise((resolve, reject) => {
        socket.once('connect', () => resolve(socket));
        socket.once('connect_error', reject);
      });
    },
    async register(username = `u_${randomBytes(5).toString('hex')}`) {
      const res = await api('POST', '/api/auth/register', { body: { username, password: 'correct horse battery' } });
      if (res.status !== 201) throw new Error(`register failed: ${res.status}`);
      return AuthReply.parse(res.body);
    },
    async stop() {
      for (const socket of sockets) socket.close();
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Resolves with the first `event` payload on `socket` that satisfies `match` (payloads parsed with the protocol's schema). */
export function nextEvent<E extends ServerEventName>(
  socket: NodeSocket,
  event: E,
  match: (payload: ServerPayload<E>) => boolean = () => true,
): Promise<ServerPayload<E>> {
  return new Promise((resolve) => {
    const listener = (name: string, raw: unknown) => {
      if (name !== event) return;
      const parsed = serverEvents[event].safeParse(raw);
      if (!parsed.success) return;
      const payload = parsed.data as ServerPayload<E>;
      if (!match(payload)) return;
      socket.offAny(listener);
      resolve(payload);
    };
    socket.onAny(listener);
  });
}
