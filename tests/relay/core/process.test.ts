import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { io } from 'socket.io-client';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const SHUTDOWN_LIMIT_MS = 10_000;

/**
 * Runs what `npm run relay` runs (tsx relay-server/src/main.ts) without npm's `sh -c` layer in
 * between: dash does not forward SIGTERM to its child, so npm's own exit status would only tell how
 * sh died, not whether the relay shut down cleanly.
 */
function startRelayProcess(env: Record<string, string>): { child: ChildProcess; output: () => string } {
  const child = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), ['relay-server/src/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'info', HOST: '127.0.0.1', PORT: '0', WEB_ROOT: 'off', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output };
}

function exitOf(child: ChildProcess, limitMs: number): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`still running after ${limitMs} ms`)), limitMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

async function listeningUrl(output: () => string, child: ChildProcess): Promise<string> {
  for (;;) {
    const match = /relay listening on (http:\/\/[^\s"]+)/.exec(output());
    if (match?.[1]) return match[1];
    if (child.exitCode !== null) throw new Error(`relay exited early:\n${output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('the relay process (what npm run relay runs)', () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'afritok-proc-'));
    dirs.push(dir);
    return dir;
  };
  afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

  it('refuses WEBSOCKET_CORS_ORIGIN=* in production at start-up, with a sentence saying why', { timeout: 60_000 }, async () => {
    const { child, output } = startRelayProcess({ DATA_DIR: tempDir(), WEBSOCKET_CORS_ORIGIN: '*', NODE_ENV: 'production' });
    expect(await exitOf(child, 45_000)).toBe(1);
    expect(output()).toContain('WEBSOCKET_CORS_ORIGIN: * would let every web site use the sign-in of anyone who visits it');
    expect(output()).not.toMatch(/\n\s+at /);
  });

  it('stops with exit code 1 and names the variable on bad configuration', async () => {
    const { child, output } = startRelayProcess({ DATA_DIR: tempDir(), MAX_LIVE_VIEWERS: 'lots' });
    expect(await exitOf(child, 30_000)).toBe(1);
    expect(output()).toContain('MAX_LIVE_VIEWERS');
    expect(output()).not.toMatch(/\n\s+at /); // a message, not a stack trace
  });

  it('serves, keeps a 0600 jwt-secret in DATA_DIR, and on SIGTERM disconnects sockets and exits 0', async () => {
    const dataDir = tempDir();
    const { child, output } = startRelayProcess({ DATA_DIR: dataDir });
    const url = await listeningUrl(output, child);
    expect(await (await fetch(`${url}/healthz`)).json()).toEqual({ status: 'ok', db: 'ok' });
    expect(fs.statSync(path.join(dataDir, 'jwt-secret')).mode & 0o777).toBe(0o600);

    const socket = io(url, { transports: ['websocket'], reconnection: false, forceNew: true });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('connect_error', reject);
    });
    const disconnected = new Promise<string>((resolve) => socket.once('disconnect', resolve));
    const exited = exitOf(child, SHUTDOWN_LIMIT_MS);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(await disconnected).toMatch(/io server disconnect|transport close/);
    socket.close();
  });
});
