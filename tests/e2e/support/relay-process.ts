import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface RelayProcess {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

/** A free TCP port on loopback, chosen by the OS. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError = 'no answer';
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`relay exited with code ${child.exitCode} before it was healthy`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) return;
      lastError = `healthz ${res.status}`;
    } catch (err) {
      lastError = err instanceof Error ? err.message : String(err);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`relay at ${url} not healthy after ${timeoutMs} ms (${lastError})`);
}

/**
 * Starts `npx tsx relay-server/src/main.ts` on a free loopback port with a temporary SQLite database,
 * serving `webRoot`; resolves once /healthz answers 200.
 */
export async function startRelayProcess(options: {
  root: string;
  webRoot: string;
  env?: Record<string, string>;
  /** Restart tests: the same port and database as a relay that was stopped with `keepData`. */
  port?: number;
  dataDir?: string;
}): Promise<RelayProcess & { stop(opts?: { keepData?: boolean }): Promise<void>; port: number }> {
  const port = options.port ?? (await freePort());
  const dataDir = options.dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'afritok-e2e-'));
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [path.join(options.root, 'node_modules/tsx/dist/cli.mjs'), 'relay-server/src/main.ts'], {
    cwd: options.root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: url,
      DATA_DIR: dataDir,
      DATABASE_URL: `file:${path.join(dataDir, 'e2e.db')}`,
      LOG_LEVEL: 'warn',
      NODE_ENV: 'test',
      WEB_ROOT: options.webRoot,
      // The suites send bursts of chat (XSS corpus): loosen flood control, keep it on.
      CHAT_RATE_PER_SECOND: '50',
      CHAT_RATE_BURST: '200',
      // Every page signs up from 127.0.0.1: lift the per-address sign-up limit, keep it on.
      SIGNUP_RATE_PER_MINUTE: '1000000',
      // RTMP ingest on a free port (the stream keys panel shows it).
      RTMP_PORT: '0',
      // Destinations (multistreaming) need a key secret; retries come fast so a test sees them.
      DESTINATION_KEY_SECRET: 'e2e-destination-key-secret-0123456789abcdef',
      DESTINATION_RETRY_BACKOFF: '1000',
      // The studio's and viewers' Chromium pages share these two cores at normal priority; in life they run
      // on other machines. At the default nice 10 they starve the LL-HLS encoder and hls.js stalls (a CI run:
      // 18 frames in 45 s), so the suite's relay runs it at normal priority (HLS_ENCODER_NICENESS).
      HLS_ENCODER_NICENESS: '0',
      ...options.env,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  try {
    await waitForHealth(url, child, 60_000);
  } catch (err) {
    child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
  return {
    url,
    dataDir,
    port,
    stop: (opts: { keepData?: boolean } = {}) =>
      new Promise<void>((resolve) => {
        const done = () => {
          if (!opts.keepData) rmSync(dataDir, { recursive: true, force: true });
          resolve();
        };
        if (child.exitCode !== null) return done();
        const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        child.once('exit', () => {
          clearTimeout(killer);
          done();
        });
        child.kill('SIGTERM');
      }),
  };
}
