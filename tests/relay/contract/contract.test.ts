/**
 * The published contract: /api/openapi.json lists exactly the routes the relay mounts (no more, no fewer),
 * is a valid OpenAPI 3.1 document, and is served compressed; docs/events.md is the event map as it is.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Router } from 'express';
import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientEvents, serverEvents } from '../../../protocol/events.js';
import { buildEventsReference, renderEventsMarkdown } from '../../../relay-server/src/contract/events-reference.js';
import { toOpenApiPath } from '../../../relay-server/src/contract/openapi.js';
import { startTestRelay, type TestRelay } from '../../support/relay.js';

interface Layer {
  route?: { path: string | string[]; methods: Record<string, boolean> };
}

/** `METHOD /path` for every route of an Express router (its `all` fallbacks answer 405: not operations). */
function routesOf(router: Router, prefix: string): string[] {
  const stack = (router as unknown as { stack: Layer[] }).stack;
  return stack.flatMap((layer) => {
    if (!layer.route) return [];
    const paths = Array.isArray(layer.route.path) ? layer.route.path : [layer.route.path];
    const methods = Object.keys(layer.route.methods).filter((m) => m !== '_all');
    return paths.flatMap((p) => methods.map((m) => `${m.toUpperCase()} ${toOpenApiPath(prefix + p)}`));
  });
}

interface Doc {
  openapi: string;
  paths: Record<string, Record<string, { operationId?: string }>>;
}

const documented = (doc: Doc) =>
  Object.entries(doc.paths).flatMap(([p, item]) => Object.keys(item).filter((k) => k !== 'parameters').map((m) => `${m.toUpperCase()} ${p}`));

describe('the published contract', () => {
  let t: TestRelay;
  let doc: Doc;
  beforeAll(async () => {
    t = await startTestRelay({ dialect: 'sqlite' });
    const res = await fetch(`${t.url}/api/openapi.json`);
    doc = (await res.json()) as Doc;
  });
  afterAll(() => t.close());

  it('documents every route the relay mounts, and only those', () => {
    const mounted = [...routesOf(t.relay.api, '/api'), ...routesOf(t.relay.app.router, '')].sort();
    const inDoc = documented(doc).sort();
    const undocumented = mounted.filter((r) => !inDoc.includes(r));
    const notMounted = inDoc.filter((r) => !mounted.includes(r));
    // A route mounted with mount() and protocol/routes.ts is documented by itself; SDP or other non-JSON
    // routes go in relay-server/src/contract/openapi.ts.
    expect({ undocumented, notMounted }).toEqual({ undocumented: [], notMounted: [] });
    expect(mounted.length).toBeGreaterThan(60);
  });

  it('is a valid OpenAPI 3.1 document with its schemas from protocol/', async () => {
    expect(doc.openapi).toBe('3.1.0');
    const result = await new Validator().validate(structuredClone(doc) as unknown as Record<string, unknown>);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    const register = doc.paths['/api/auth/register']?.post as unknown as { requestBody: { content: Record<string, { schema: { properties: object } }> } };
    expect(Object.keys(register.requestBody.content['application/json']!.schema.properties)).toEqual(expect.arrayContaining(['username', 'password']));
  });

  it('is served compressed to clients that ask, with Vary, and plain to the others', async () => {
    const plain = await fetch(`${t.url}/api/openapi.json`, { headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(plain.headers.get('vary')).toMatch(/accept-encoding/i);
    const plainBytes = Buffer.from(await plain.arrayBuffer());
    for (const coding of ['br', 'gzip'] as const) {
      // Node's fetch would decode: read the raw bytes over http instead.
      const raw = await rawGet(`${t.url}/api/openapi.json`, coding);
      expect(raw.encoding).toBe(coding);
      expect(raw.body.length).toBeLessThan(plainBytes.length / 5);
      const decoded = coding === 'br' ? zlib.brotliDecompressSync(raw.body) : zlib.gunzipSync(raw.body);
      expect(decoded.equals(plainBytes)).toBe(true);
    }
  });

  it('serves the rendered reference from the relay itself, and no other file', async () => {
    const page = await fetch(`${t.url}/api/docs`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const scripts = [...html.matchAll(/src="([^"]+)"/g)].map((m) => m[1]!);
    expect(scripts.every((s) => s.startsWith('/api/docs/'))).toBe(true);
    for (const s of scripts) expect((await fetch(`${t.url}${s}`)).status).toBe(200);
    for (const probe of ['/api/docs/package.json', '/api/docs/..%2F..%2Fpackage.json', '/api/docs/index.html', '/api/docs/constructor']) {
      const res = await fetch(`${t.url}${probe}`);
      expect(res.status, probe).toBe(404);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('not_found');
    }
  });

  it('serves the events reference with every event of protocol/events.ts', async () => {
    const res = await fetch(`${t.url}/api/events.json`);
    const ref = (await res.json()) as ReturnType<typeof buildEventsReference>;
    expect(ref.clientToServer.map((e) => e.name).sort()).toEqual(Object.keys(clientEvents).sort());
    expect(ref.serverToClient.map((e) => e.name).sort()).toEqual(Object.keys(serverEvents).sort());
    const send = ref.clientToServer.find((e) => e.name === 'chat:send')!;
    expect(send.payload).toMatchObject({ type: 'object', required: expect.arrayContaining(['sessionId', 'content', 'clientMessageId']) });
  });
});

it('docs/events.md is up to date with protocol/events.ts (else run `npm run docs:contract`)', () => {
  const file = path.resolve(import.meta.dirname, '../../../docs/events.md');
  expect(readFileSync(file, 'utf8')).toBe(renderEventsMarkdown(buildEventsReference()));
});

async function rawGet(url: string, coding: string): Promise<{ encoding: string | undefined; body: Buffer }> {
  const http = await import('node:http');
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { 'accept-encoding': coding } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ encoding: res.headers['content-encoding'], body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}
