import { spawn, execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const CDN_TEMPLATE = path.resolve(import.meta.dirname, '../../../../deploy/nginx/afritok-cdn.conf.template');

export interface CdnValues {
  listen: string;
  cacheDir: string;
  /** host:port of each relay node. */
  origins: string[];
}

/** The repository's nginx CDN configuration with its placeholders filled (deploy/nginx/README.md). */
export function renderCdnConfig(values: CdnValues, template = readFileSync(CDN_TEMPLATE, 'utf8')): string {
  return template
    .replaceAll('@LISTEN@', values.listen)
    .replaceAll('@CACHE_DIR@', values.cacheDir)
    .replaceAll('@ORIGINS@', values.origins.map((o) => `server ${o};`).join('\n    '));
}

export interface Cdn {
  url: string;
  prefix: string;
  stop(): Promise<void>;
}

/** A free loopback port (asked of the kernel, then released for nginx to take). */
export async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * Debian's nginx running deploy/nginx/afritok-cdn.conf.template on loopback, in a temporary prefix (its
 * own pid file, logs and cache), in front of `origins`. The access log records, per request, whether
 * the cache answered (`$upstream_cache_status`).
 */
export async function startCdn(origins: string[], options: { workers?: number; port?: number } = {}): Promise<Cdn> {
  const prefix = mkdtempSync(path.join(tmpdir(), 'afritok-cdn-'));
  const port = options.port ?? (await freePort());
  const site = renderCdnConfig({ listen: `127.0.0.1:${port}`, cacheDir: path.join(prefix, 'cache'), origins });
  writeFileSync(path.join(prefix, 'afritok-cdn.conf'), site);
  // The main context a distribution's nginx.conf provides; as root, workers stay root so they can write the temp prefix.
  const main = [
    process.getuid?.() === 0 ? 'user root;' : '',
    `worker_processes ${options.workers ?? 1};`,
    'daemon off;',
    `pid ${prefix}/nginx.pid;`,
    `error_log ${prefix}/error.log warn;`,
    'events { worker_connections 8192; }',
    'http {',
    "  log_format cdn '$upstream_cache_status $status $request_uri';",
    `  access_log ${prefix}/access.log cdn;`,
    `  client_body_temp_path ${prefix}/body; proxy_temp_path ${prefix}/proxy;`,
    `  fastcgi_temp_path ${prefix}/fastcgi; uwsgi_temp_path ${prefix}/uwsgi; scgi_temp_path ${prefix}/scgi;`,
    `  include ${prefix}/afritok-cdn.conf;`,
    '}',
  ].join('\n');
  writeFileSync(path.join(prefix, 'nginx.conf'), main);
  await run('nginx', ['-t', '-p', prefix, '-c', path.join(prefix, 'nginx.conf')]).catch((err: unknown) => {
    throw new Error(`nginx -t refused the configuration: ${String((err as { stderr?: string }).stderr ?? err)}`);
  });
  const child = spawn('nginx', ['-p', prefix, '-c', path.join(prefix, 'nginx.conf')], { stdio: ['ignore', 'ignore', 'pipe'] });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    const up = await fetch(`${url}/healthz`).then(() => true, () => false);
    if (up) break;
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`nginx did not start: ${readFileSync(path.join(prefix, 'error.log'), 'utf8')}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    prefix,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(prefix, { recursive: true, force: true });
    },
  };
}

/** Lines of the CDN's access log: `<cache status> <http status> <uri>`. */
export function accessLog(cdn: Cdn): Array<{ cache: string; status: number; uri: string }> {
  const text = readFileSync(path.join(cdn.prefix, 'access.log'), 'utf8');
  return text.split('\n').filter(Boolean).map((line) => {
    const [cache = '-', status = '0', uri = ''] = line.split(' ');
    return { cache, status: Number(status), uri };
  });
}

export const cacheFiles = (cdn: Cdn): string[] => readdirSync(path.join(cdn.prefix, 'cache'), { recursive: true }).map(String);
