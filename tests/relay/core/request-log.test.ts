import { Writable } from 'node:stream';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { requestLog } from '../../../relay-server/src/http/request-log.js';

describe('request log levels', () => {
  it('logs a 503 with Retry-After (an LL-HLS live still starting) at info, a bare 5xx at error', async () => {
    const lines: Array<{ level: number; status: number }> = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(JSON.parse(chunk.toString()) as { level: number; status: number });
        done();
      },
    });
    const app = express();
    app.use(requestLog(pino({ level: 'info' }, sink)));
    app.get('/starting', (_req, res) => void res.set('Retry-After', '1').status(503).send('The live is starting, try again shortly'));
    app.get('/broken', (_req, res) => void res.status(500).send('broken'));
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const { port } = server.address() as AddressInfo;
    for (const path of ['/starting', '/broken']) await (await fetch(`http://127.0.0.1:${port}${path}`)).text();
    server.close();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(lines.map((l) => [l.status, pino.levels.labels[l.level]])).toEqual([[503, 'info'], [500, 'error']]);
  });
});
