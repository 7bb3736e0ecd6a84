/**
 * `npm run load` against a real local relay: refuses to start without the operator token (or with a wrong
 * one), runs briefly with viewers, chatters and WHEP subscribers, and its JSON summary adds up.
 * The operator route itself refuses hostile callers.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPERATOR_HEADER, OperatorGuestsReply } from '../../../protocol/operator.js';
import { SessionReply } from '../../../protocol/sessions.js';
import { runLoad } from '../../../scripts/load/run.js';
import { startTestRelay, type TestRelay } from '../../support/relay.js';
import { createPublisher, type SyntheticPublisher } from '../media/support/peers.js';
import { postOffer } from '../media/support/whip-client.js';

const root = path.resolve(import.meta.dirname, '../../..');
const TOKEN = 'operator-token-for-the-load-test-0123456789';
const run = promisify(execFile);

async function cli(args: string[], env: Record<string, string> = {}) {
  const tsx = path.join(root, 'node_modules/tsx/dist/cli.mjs');
  const { OPERATOR_TOKEN: _unset, ...base } = process.env;
  return run(process.execPath, [tsx, 'scripts/load/index.ts', ...args], { cwd: root, env: { ...base, ...env } }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );
}

describe('npm run load', () => {
  let t: TestRelay;
  let publisher: SyntheticPublisher | undefined;
  beforeAll(async () => {
    t = await startTestRelay({ dialect: 'sqlite', env: { OPERATOR_TOKEN: TOKEN } });
  });
  afterAll(async () => {
    publisher?.close();
    await t.close();
  });

  it('refuses to start without an operator token, or with a wrong one, and says how to get one', async () => {
    const none = await cli(['--url', t.url, '--duration', '1']);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/operator token/i);
    expect(none.stderr).toContain('OPERATOR_TOKEN');
    const wrong = await cli(['--url', t.url, '--duration', '1', '--token', 'not-the-token']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/refused the operator token/);
    const badArgs = await cli(['--url', 'not a url', '--viewers=-3'], { OPERATOR_TOKEN: TOKEN });
    expect(badArgs.code).toBe(2);
    expect(badArgs.stderr).toContain('--url');
    expect(badArgs.stderr).toContain('--viewers');
  }, 60_000);

  it('runs viewers and chatters and sums up deliveries and latency in JSON', async () => {
    const result = await cli(['--url', t.url, '--viewers', '6', '--chatters', '2', '--rate', '3', '--duration', '3'], { OPERATOR_TOKEN: TOKEN });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/viewers 6\/6 · sent \d+ · delivered \d+/);
    const summary = JSON.parse(result.stdout) as Awaited<ReturnType<typeof runLoad>>;
    expect(summary.viewers).toEqual({ requested: 6, joined: 6, failed: 0 });
    expect(summary.chatters).toEqual({ requested: 2, joined: 2 });
    expect(summary.messages.sent).toBeGreaterThanOrEqual(6);
    expect(summary.messages.failed).toBe(0);
    expect(summary.messages.delivered).toBe(summary.messages.sent * 6);
    expect(summary.messages.deliveryRatio).toBe(1);
    expect(summary.latencyMs.p50).toBeGreaterThan(0);
    expect(summary.latencyMs.p99).toBeGreaterThanOrEqual(summary.latencyMs.p50 ?? 0);
    expect(summary.errors).toEqual({});
    // The live the tool created for the run is over.
    const session = SessionReply.parse((await t.api('GET', `/api/sessions/${summary.sessionId}`)).body).session;
    expect(session.state).toBe('ended');
  }, 60_000);

  it('with --media whep, subscribers receive the live program as RTP packets', async () => {
    const host = await t.register();
    const { session } = SessionReply.parse((await t.api('POST', '/api/sessions', { token: host.token, body: { title: 'Load WHEP', type: 'video', isPublic: true } })).body);
    await t.api('POST', `/api/sessions/${session.id}/start`, { token: host.token });
    publisher = await createPublisher();
    const reply = await postOffer(`${t.url}/api/whip/${session.id}`, publisher.offer, { token: host.token });
    expect(reply.status).toBe(201);
    await publisher.accept(reply.body);
    const summary = await runLoad(
      { url: t.url, viewers: 3, chatters: 1, rate: 1, durationS: 3, media: 'whep', session: session.id, token: TOKEN, reportEveryMs: 0 },
      () => {},
    );
    expect(summary.media).toMatchObject({ subscribers: 3, connected: 3, failed: 0 });
    expect(summary.media?.rtpPackets).toBeGreaterThan(3 * 20);
    expect(summary.viewers.joined).toBe(3);
  }, 60_000);
});

describe('the operator route', () => {
  let t: TestRelay;
  let without: TestRelay;
  beforeAll(async () => {
    t = await startTestRelay({ dialect: 'sqlite', env: { OPERATOR_TOKEN: TOKEN } });
    without = await startTestRelay({ dialect: 'sqlite' });
  });
  afterAll(async () => {
    await t.close();
    await without.close();
  });

  it('mints real guest accounts for the operator only', async () => {
    const ok = await t.api('POST', '/api/operator/guests', { body: { count: 3 }, headers: { [OPERATOR_HEADER]: TOKEN } });
    expect(ok.status).toBe(201);
    const { guests } = OperatorGuestsReply.parse(ok.body);
    expect(guests.map((g) => g.displayName)).toEqual(['load 1', 'load 2', 'load 3']);
    expect((await t.api('GET', '/api/auth/me', { token: guests[0]!.token })).status).toBe(200);

    const refused: Array<Record<string, string>> = [{}, { [OPERATOR_HEADER]: 'wrong' }, { [OPERATOR_HEADER]: `${TOKEN}x` }, { authorization: `Bearer ${TOKEN}` }];
    for (const headers of refused) {
      const res = await t.api('POST', '/api/operator/guests', { body: { count: 1 }, headers });
      expect(res.status, JSON.stringify(headers)).toBe(401);
    }
    for (const body of [{ count: 0 }, { count: 501 }, { count: 'many' }, { count: 2, extra: true }, { count: 2, namePrefix: '' }]) {
      const res = await t.api('POST', '/api/operator/guests', { body, headers: { [OPERATOR_HEADER]: TOKEN } });
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    const none = await without.api('POST', '/api/operator/guests', { body: { count: 1 }, headers: { [OPERATOR_HEADER]: TOKEN } });
    expect(none.status).toBe(404);
  });
});
