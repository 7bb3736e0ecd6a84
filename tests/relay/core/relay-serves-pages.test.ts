/**
 * `npm run relay` alone (no WEB_ROOT, as the README's remote-relay recipe runs it) serves every page,
 * building dist-web/ first when it is missing or stale. Runs the real entry point in its own process.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

async function listeningUrl(output: () => string, child: ChildProcess): Promise<string> {
  for (;;) {
    const match = /relay listening on (http:\/\/[^\s"]+)/.exec(output());
    if (match?.[1]) return match[1];
    if (child.exitCode !== null) throw new Error(`relay exited early:\n${output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('npm run relay serves the pages on its own', () => {
  let child: ChildProcess;
  let url: string;
  let dataDir: string;
  let output = '';

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'afritok-pages-'));
    const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'info', HOST: '127.0.0.1', PORT: '0', DATA_DIR: dataDir };
    delete env.WEB_ROOT;
    child = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), ['relay-server/src/main.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    url = await listeningUrl(() => output, child);
  }, 180_000);

  afterAll(async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it.each([
    ['/', 'Afritok Live</title>'],
    ['/studio', 'Afritok Live Studio</title>'],
    ['/watch/some-session-id', 'Afritok Live — watch</title>'],
    ['/join/some-invite-token', 'Afritok Live — join</title>'],
  ])('GET %s is the built page, with its script', async (route, title) => {
    const res = await fetch(`${url}${route}`, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain(title);
    // The built page, not the source: Vite rewrote the entry to a hashed asset, and that asset is served.
    const script = /<script type="module" crossorigin src="([^"]+)"/.exec(html)?.[1];
    expect(script).toMatch(/^\/assets\//);
    const asset = await fetch(`${url}${script}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
  });
});
