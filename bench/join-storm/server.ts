/**
 * One server under test, in its own process: `relay` (the real relay on a fresh SQLite file, with a
 * public live session) or `bare` (Socket.IO alone: `session:join` joins the room and acks).
 * Reports its URL over IPC, then answers `measure` with its RSS and CPU time.
 */
import fs from 'node:fs';
import http from 'node:http';
import inspector from 'node:inspector';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Server } from 'socket.io';
import { z } from 'zod';
import { SessionReply } from '../../protocol/sessions.js';
import { AuthReply } from '../../protocol/users.js';
import { createRelay } from '../../relay-server/src/app.js';
import { loadConfig } from '../../relay-server/src/config.js';
import { ToServer, type FromServer } from './messages.js';
import { LOAD_RIG_LIMITS } from '../support/rig-limits.js';

const send = (message: FromServer) => process.send?.(message);

async function post(url: string, body: unknown, token?: string): Promise<unknown> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
  return res.json();
}

/** JOIN_STORM_SIGNED_IN=1: every client signs in (a guest account each), so a join also reads its ban and writes its viewer row. */
const SIGNED_IN = process.env.JOIN_STORM_SIGNED_IN === '1';
const CLIENTS = Number(process.env.JOIN_STORM_CLIENTS ?? 2000);

async function startRelay(): Promise<{ url: string; sessionId: string; tokensFile: string | null }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'join-storm-'));
  process.on('exit', () => fs.rmSync(dataDir, { recursive: true, force: true }));
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...LOAD_RIG_LIMITS });
  const relay = await createRelay(config);
  const { port } = await relay.listen();
  const url = `http://127.0.0.1:${port}`;
  const { token } = AuthReply.parse(await post(`${url}/api/auth/register`, { username: 'storm_host', password: 'bench password 1' }));
  const { session } = SessionReply.parse(await post(`${url}/api/sessions`, { title: 'Join storm', type: 'video', isPublic: true }, token));
  await post(`${url}/api/sessions/${session.id}/start`, {}, token);
  if (!SIGNED_IN) return { url, sessionId: session.id, tokensFile: null };
  const auth = relay.ctx.services.get('auth');
  const tokens: string[] = [];
  for (let i = 0; i < CLIENTS; i++) tokens.push((await auth.guest(`Viewer ${i}`)).token);
  const tokensFile = path.join(dataDir, 'tokens.json');
  fs.writeFileSync(tokensFile, JSON.stringify(tokens));
  return { url, sessionId: session.id, tokensFile };
}

async function startBare(): Promise<{ url: string; sessionId: string; tokensFile: string | null }> {
  const server = http.createServer();
  const io = new Server(server, { serveClient: false });
  const JoinPayload = z.object({ sessionId: z.string() });
  io.on('connection', (socket) => {
    socket.on('session:join', async (payload: unknown, ack: unknown) => {
      const parsed = JoinPayload.safeParse(payload);
      if (parsed.success) await socket.join(`session:${parsed.data.sessionId}`);
      if (typeof ack === 'function') ack({ ok: parsed.success });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, sessionId: 'bare', tokensFile: null };
}

/**
 * JOIN_STORM_PROFILE=<dir>: a V8 CPU profile of the storm alone (from the measure before it to the one
 * after it), without the start-up and the connections, written there as <kind>-storm.cpuprofile.
 */
function stormProfiler(dir: string | undefined, kind: string): () => void {
  if (!dir) return () => undefined;
  const session = new inspector.Session();
  session.connect();
  let measures = 0;
  return () => {
    measures += 1;
    if (measures === 2) session.post('Profiler.enable', () => session.post('Profiler.start'));
    if (measures === 3) {
      session.post('Profiler.stop', (err, result) => {
        if (!err) fs.writeFileSync(path.join(dir, `${kind}-storm.cpuprofile`), JSON.stringify(result.profile));
      });
    }
  };
}

const kind = process.argv[2] === 'bare' ? 'bare' : 'relay';
const { url, sessionId, tokensFile } = kind === 'bare' ? await startBare() : await startRelay();
const profileStep = stormProfiler(process.env.JOIN_STORM_PROFILE, kind);
process.on('message', (raw: unknown) => {
  const message = ToServer.safeParse(raw);
  if (!message.success) return;
  if (message.data.gc) globalThis.gc?.();
  const cpu = process.cpuUsage();
  const memory = process.memoryUsage();
  send({ type: 'usage', rss: memory.rss, heapUsed: memory.heapUsed, cpuMicros: cpu.user + cpu.system });
  // After the reading, so that stopping (and serialising) the profile is not counted as the storm's CPU.
  profileStep();
});
process.on('disconnect', () => process.exit(0));
send({ type: 'ready', url, sessionId, tokensFile });
