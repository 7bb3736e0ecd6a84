import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NewStreamKeyReply, StreamKeysReply } from '../../../protocol/ingest.js';
import { MaybeSessionReply, SessionsReply } from '../../../protocol/sessions.js';
import { startTestRelay, type TestRelay } from '../../support/relay.js';

/**
 * 50 RTMP encoders (Debian's ffmpeg) knock on the relay at once: 40 with wrong keys of every kind,
 * 10 with one owner's right key. The relay must stay up, refuse every wrong key, let exactly one of
 * the right ones publish and tell the other nine the key is already streaming.
 */
interface Attempt {
  kind: 'wrong' | 'right';
  exited: Promise<number | null>;
  output(): string;
  stop(): void;
  running(): boolean;
}

/** A light encoder (160×90 at 15 fps, x264 + AAC in FLV) so that 50 of them fit on a small machine. */
function attempt(url: string, kind: Attempt['kind']): Attempt {
  const child = spawn('ffmpeg', [
    '-hide_banner', '-loglevel', 'error', '-nostdin',
    '-re', '-f', 'lavfi', '-i', 'testsrc2=size=160x90:rate=15',
    '-re', '-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=44100',
    '-t', '40',
    '-c:v', 'libx264', '-preset', 'ultrafast', '-tune', 'zerolatency', '-g', '15', '-b:v', '200k',
    '-c:a', 'aac', '-b:a', '64k',
    '-f', 'flv', url,
  ], { stdio: ['ignore', 'ignore', 'pipe'] });
  let output = '';
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    kind,
    exited,
    output: () => output,
    stop: () => void (child.exitCode === null && child.signalCode === null && child.kill('SIGKILL')),
    running: () => child.exitCode === null && child.signalCode === null,
  };
}

describe('50 concurrent RTMP ingest attempts', () => {
  let t: TestRelay;
  const attempts: Attempt[] = [];

  beforeAll(async () => {
    t = await startTestRelay({ dialect: 'sqlite', env: { RTMP_PORT: '0', INGEST_RECONNECT_GRACE: '2000' } });
  });
  afterAll(async () => {
    for (const a of attempts) a.stop();
    await Promise.all(attempts.map((a) => a.exited));
    await t?.close();
  });

  it('refuses the 40 wrong keys, lets exactly one of the 10 right ones publish (the rest: already streaming), and the relay keeps answering', async () => {
    const owner = await t.register();
    const stranger = await t.register();
    const created = NewStreamKeyReply.parse((await t.api('POST', '/api/stream-keys', { token: owner.token, body: { label: 'encoder' } })).body);
    const revoked = NewStreamKeyReply.parse((await t.api('POST', '/api/stream-keys', { token: stranger.token, body: { label: 'old' } })).body);
    await t.api('DELETE', `/api/stream-keys/${revoked.key.id}`, { token: stranger.token });
    const rtmpUrl = StreamKeysReply.parse((await t.api('GET', '/api/stream-keys', { token: owner.token })).body).ingest.rtmpUrl ?? '';
    expect(rtmpUrl).toMatch(/^rtmp:\/\/127\.0\.0\.1:\d+\/live$/);

    const wrongKeys = [
      ...Array.from({ length: 30 }, (_, i) => `afk_live_${String(i).padStart(32, 'x')}`),
      ...Array.from({ length: 4 }, () => revoked.secret),
      ...Array.from({ length: 3 }, () => owner.token),
      `${created.secret}x`,
      created.secret.slice(0, -1),
      'not-a-key',
    ];
    expect(wrongKeys).toHaveLength(40);
    const order = [...wrongKeys.map((key) => ({ key, kind: 'wrong' as const })), ...Array.from({ length: 10 }, () => ({ key: created.secret, kind: 'right' as const }))];
    // Interleave the right key among the wrong ones, all started in the same tick.
    order.sort((a, b) => (a.key.charCodeAt(a.key.length - 1) % 7) - (b.key.charCodeAt(b.key.length - 1) % 7));
    for (const { key, kind } of order) attempts.push(attempt(`${rtmpUrl}/${key}`, kind));

    const wrong = attempts.filter((a) => a.kind === 'wrong');
    const right = attempts.filter((a) => a.kind === 'right');
    const wrongExits = await Promise.all(wrong.map((a) => a.exited));
    expect(wrongExits.every((code) => code !== 0)).toBe(true);
    // Each was refused: ffmpeg prints the relay's reason, or, when the relay closed the connection before
    // ffmpeg read the reason (a loaded machine), the broken connection.
    for (const a of wrong) expect(a.output()).toMatch(/This stream key is not valid|A valid stream key is required|Broken pipe|Connection reset|Input\/output error/);
    expect(wrong.filter((a) => /This stream key is not valid|A valid stream key is required/.test(a.output())).length).toBeGreaterThan(20);

    // Nine of the right-key encoders are told the key is already streaming; one keeps publishing.
    await expect.poll(() => right.filter((a) => !a.running()).length, { timeout: 60_000 }).toBe(9);
    const refused = right.filter((a) => !a.running());
    for (const a of refused) expect(a.output()).toMatch(/already streaming with this stream key|Broken pipe|Connection reset|Input\/output error/);
    expect(refused.filter((a) => a.output().includes('already streaming with this stream key')).length).toBeGreaterThan(0);
    expect(right.filter((a) => a.running())).toHaveLength(1);

    const current = async () => MaybeSessionReply.parse((await t.api('GET', '/api/sessions/current', { token: owner.token })).body).session;
    await expect.poll(async () => (await current())?.state, { timeout: 20_000 }).toBe('live');
    const publicLives = SessionsReply.parse((await t.api('GET', '/api/sessions?scope=public')).body).sessions;
    expect(publicLives.filter((s) => s.host.id === owner.user.id)).toHaveLength(1);
    expect(publicLives.filter((s) => s.host.id === stranger.user.id)).toHaveLength(0);
    expect((await t.api('GET', '/healthz')).status).toBe(200);
    expect((await t.api('GET', `/api/sessions/${(await current())?.id ?? ''}`)).status).toBe(200);
  }, 180_000);
});
