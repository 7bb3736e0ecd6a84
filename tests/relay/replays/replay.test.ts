/**
 * Every live kept: a public live published by GStreamer (WHIP, H.264 + Opus) is recorded from the LL-HLS
 * packager; when it ends it becomes a replay (VOD playlist, MP4 remuxed with faststart, poster) with its
 * chat as it will be replayed. A private live's replay is for its host and participants only. Old
 * replays are cleaned up after REPLAY_RETENTION_DAYS, checked with a clock value, not by waiting.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { MessageReply } from '../../../protocol/chat.js';
import { PastLivesReply, RecordingReply, ReplayReply, type Recording } from '../../../protocol/replays.js';
import { SessionReply } from '../../../protocol/sessions.js';
import { startTestRelay, testDialects, type TestRelay } from '../../support/relay.js';
import { startGstPublisher, type GstPublisher } from '../media/gstreamer/publisher.js';
import { parsePlaylist, probeStreams } from '../hls/support/hls-client.js';
import { emit, expectRefused } from '../sessions/helpers.js';

const run = promisify(execFile);
const dir = fs.mkdtempSync(path.join(tmpdir(), 'replay-test-'));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const VodManifest = z.object({
  playlistType: z.literal('VOD'),
  endList: z.literal(true),
  targetDuration: z.number(),
  segments: z.array(z.object({ uri: z.string(), duration: z.number(), map: z.object({ uri: z.string() }) })).min(1),
});

async function probeDuration(file: string): Promise<number> {
  const { stdout } = await run('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', file]);
  return Number(stdout.trim());
}

describe.each(testDialects)('recordings and replays of a live [%s]', (dialect) => {
  let t: TestRelay;
  let host: { token: string; user: { id: string } };
  let viewer: { token: string; user: { id: string } };
  let troll: { token: string; user: { id: string } };
  let sessionId: string;
  let publisher: GstPublisher | undefined;
  const kept: { message: string; deleted: string; trolled: string; sceneAt: number } = { message: '', deleted: '', trolled: '', sceneAt: 0 };

  const get = (p: string, token?: string) => fetch(`${t.url}${p}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const recordingOf = async (id: string): Promise<Recording> => RecordingReply.parse((await t.api('GET', `/api/sessions/${id}/recording`, { token: host.token })).body).recording;
  async function waitFor(id: string, check: (r: Recording) => boolean, what: string, timeoutMs = 60_000): Promise<Recording> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const recording = await recordingOf(id);
      if (check(recording)) return recording;
      if (Date.now() > deadline) throw new Error(`${what}: recording is ${JSON.stringify(recording)}`);
      await sleep(500);
    }
  }
  async function say(id: string, token: string, content: string): Promise<string> {
    await t.api('POST', `/api/sessions/${id}/join`, { token });
    const res = await t.api('POST', `/api/sessions/${id}/messages`, { token, body: { content } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return MessageReply.parse(res.body).message.id;
  }
  async function live(isPublic: boolean): Promise<string> {
    const created = await t.api('POST', '/api/sessions', { token: host.token, body: { title: isPublic ? 'Kept live' : 'Private kept', type: 'video', isPublic } });
    const id = SessionReply.parse(created.body).session.id;
    return id;
  }
  async function publish(id: string): Promise<GstPublisher> {
    expect((await t.api('POST', `/api/sessions/${id}/start`, { token: host.token })).status).toBe(200);
    const started = startGstPublisher(`${t.url}/api/whip/${id}`, ['--token', host.token, '--profile', 'high']);
    expect(await started.line('status')).toBe('status 201');
    await started.line('connected');
    return started;
  }

  beforeAll(async () => {
    t = await startTestRelay({ dialect, env: { MEDIA_DIR: path.join(dir, dialect), REPLAY_RETENTION_DAYS: '30' } });
    host = await t.register();
    viewer = await t.register();
    troll = await t.register();
  }, 60_000);

  afterAll(async () => {
    await publisher?.stop();
    await t?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('records a public live by default and keeps its segments under MEDIA_DIR while it runs', async () => {
    sessionId = await live(true);
    expect((await recordingOf(sessionId)).enabled).toBe(true);
    // The studio says which scene is on program once live, then at each switch (chapters of the replay).
    const studio = await t.socket(host.token);
    await expectRefused(studio, 'live:scene', { sessionId, title: 'Too early' }, 'invalid_transition');
    publisher = await publish(sessionId);
    expect((await emit(studio, 'live:scene', { sessionId, title: 'Opening' })).ok).toBe(true);
    const recording = await waitFor(sessionId, (r) => r.state === 'recording' && r.durationSeconds >= 4, 'four seconds recorded');
    expect(recording.startedAt).not.toBeNull();
    kept.sceneAt = Date.now();
    expect((await emit(studio, 'live:scene', { sessionId, title: '  Interview\u0007 ' })).ok).toBe(true);
    await expectRefused(await t.socket(viewer.token), 'live:scene', { sessionId, title: 'Not mine' }, 'not_host');
    await expectRefused(studio, 'live:scene', { sessionId, title: 'x'.repeat(101) }, 'invalid_input');
    kept.message = await say(sessionId, viewer.token, 'hello from the viewer');
    kept.deleted = await say(sessionId, viewer.token, 'this one gets deleted');
    kept.trolled = await say(sessionId, troll.token, 'a troll says something');
    expect((await t.api('DELETE', `/api/sessions/${sessionId}/messages/${kept.deleted}`, { token: host.token })).status).toBe(204);
    expect((await t.api('POST', `/api/sessions/${sessionId}/messages/${kept.message}/pin`, { token: host.token })).status).toBe(200);
    expect((await t.api('POST', `/api/sessions/${sessionId}/bans`, { token: host.token, body: { userId: troll.user.id } })).status).toBe(200);
    await waitFor(sessionId, (r) => r.durationSeconds >= 8, 'eight seconds recorded');
    const files = fs.readdirSync(path.join(dir, dialect, 'recordings', sessionId));
    expect(files).toContain('init-1.mp4');
    expect(files.filter((f) => /^seg-\d+\.m4s$/.test(f)).length).toBeGreaterThanOrEqual(3);
    // While live, nothing of the replay is served yet.
    expect((await get(`/api/replays/${sessionId}/media/seg-0.m4s`)).status).toBe(404);
  }, 120_000);

  it('turns the ended live into a replay: VOD playlist, faststart MP4 remuxed from H.264 + AAC, poster', async () => {
    await publisher?.stop();
    publisher = undefined;
    expect((await t.api('POST', `/api/sessions/${sessionId}/end`, { token: host.token })).status).toBe(200);
    const ready = await waitFor(sessionId, (r) => r.state === 'ready' || r.state === 'failed', 'replay made');
    expect(ready.state, ready.error ?? '').toBe('ready');
    expect(ready.durationSeconds).toBeGreaterThanOrEqual(8);
    expect(ready.bytes).toBeGreaterThan(10_000);
    expect(Date.parse(ready.expiresAt ?? '')).toBeGreaterThan(Date.now() + 29 * 24 * 3600_000);

    const replay = ReplayReply.parse((await t.api('GET', `/api/sessions/${sessionId}/replay`)).body).replay;
    const playlistRes = await get(replay.media.playlistUrl);
    expect(playlistRes.status).toBe(200);
    expect(playlistRes.headers.get('content-type')).toMatch(/mpegurl/);
    const vod = parsePlaylist(VodManifest, await playlistRes.text());
    const total = vod.segments.reduce((sum, s) => sum + s.duration, 0);
    expect(total).toBeCloseTo(ready.durationSeconds, 1);
    for (const s of vod.segments) expect(s.duration).toBeLessThanOrEqual(vod.targetDuration);

    // The first segment plays: init + segment probe as H.264 + AAC.
    const first = vod.segments[0];
    const init = Buffer.from(await (await get(`/api/replays/${sessionId}/media/${first?.map.uri}`)).arrayBuffer());
    const seg = Buffer.from(await (await get(`/api/replays/${sessionId}/media/${first?.uri}`)).arrayBuffer());
    fs.writeFileSync(path.join(dir, 'first.mp4'), Buffer.concat([init, seg]));
    expect((await probeStreams(path.join(dir, 'first.mp4'))).map((s) => s.codec_name).sort()).toEqual(['aac', 'h264']);

    const mp4Res = await get(replay.media.downloadUrl);
    expect(mp4Res.status).toBe(200);
    expect(mp4Res.headers.get('content-disposition')).toMatch(/^attachment; filename="?afritok-live-[0-9a-f-]+\.mp4"?$/);
    const mp4 = Buffer.from(await mp4Res.arrayBuffer());
    expect(mp4.length).toBe(ready.bytes);
    // faststart: the index (moov) comes before the media (mdat), so it plays while downloading.
    expect(mp4.indexOf('moov')).toBeGreaterThan(0);
    expect(mp4.indexOf('moov')).toBeLessThan(mp4.indexOf('mdat'));
    fs.writeFileSync(path.join(dir, 'download.mp4'), mp4);
    expect((await probeStreams(path.join(dir, 'download.mp4'))).map((s) => s.codec_name).sort()).toEqual(['aac', 'h264']);
    expect(Math.abs((await probeDuration(path.join(dir, 'download.mp4'))) - total)).toBeLessThan(0.5);
    // A range request (a player seeking in the download) gets part of the file.
    const range = await fetch(`${t.url}${replay.media.downloadUrl}`, { headers: { range: 'bytes=0-99' } });
    expect(range.status).toBe(206);
    expect((await range.arrayBuffer()).byteLength).toBe(100);

    expect(replay.media.posterUrl).not.toBeNull();
    const poster = Buffer.from(await (await get(replay.media.posterUrl ?? '')).arrayBuffer());
    expect(poster.subarray(0, 2).toString('hex')).toBe('ffd8');
  }, 120_000);

  it('replays the chat at its moments (no deleted message, nothing from a banned person, pins as they were) and the scene changes as chapters', async () => {
    const replay = ReplayReply.parse((await t.api('GET', `/api/sessions/${sessionId}/replay`)).body).replay;
    const contents = replay.messages.map((m) => m.content);
    expect(contents).toContain('hello from the viewer');
    expect(contents).not.toContain('this one gets deleted');
    expect(contents).not.toContain('a troll says something');
    const hello = replay.messages.find((m) => m.id === kept.message);
    const startedAt = Date.parse(replay.recording.startedAt ?? '');
    // Said ~4 s into the recording (it had 4 s when the test spoke): shown at that moment of the replay.
    expect(hello?.offsetSeconds).toBeCloseTo((Date.parse(hello?.createdAt ?? '') - startedAt) / 1000, 1);
    expect(hello?.offsetSeconds).toBeGreaterThanOrEqual(3);
    expect(hello?.offsetSeconds).toBeLessThan(replay.recording.durationSeconds);
    expect(replay.pins).toHaveLength(1);
    expect(replay.pins[0]?.message.id).toBe(kept.message);
    expect(replay.pins[0]?.fromSeconds).toBeGreaterThanOrEqual(hello?.offsetSeconds ?? 0);
    expect(replay.pins[0]?.toSeconds).toBeNull();
    // Chapters: the scene on program from the start, then the one the host switched to, at its moment.
    expect(replay.chapters.map((c) => c.title)).toEqual(['Opening', 'Interview']);
    expect(replay.chapters[0]?.atSeconds).toBe(0);
    expect(replay.chapters[1]?.atSeconds).toBeCloseTo((kept.sceneAt - startedAt) / 1000, 0);
  });

  it('lists the replay in the directory and in the host’s past lives; /hls of the ended live points to it', async () => {
    const directory = PastLivesReply.parse((await t.api('GET', '/api/replays')).body).pastLives;
    expect(directory.map((p) => p.session.id)).toContain(sessionId);
    const mine = PastLivesReply.parse((await t.api('GET', '/api/me/replays', { token: host.token })).body).pastLives;
    expect(mine.map((p) => p.session.id)).toContain(sessionId);
    expect((await t.api('GET', '/api/me/replays')).status).toBe(401);
    const hls = await get(`/hls/${sessionId}/master.m3u8`);
    expect(hls.status).toBe(404);
    expect(hls.headers.get('link')).toContain(`/api/replays/${sessionId}/media/replay.m3u8`);
  });

  it('refuses path traversal and odd names on replay routes with 404, never a file outside the replay nor a 500', async () => {
    const odd = [
      `/api/replays/${sessionId}/media/..%2F..%2Fafritok.db`,
      `/api/replays/${sessionId}/media/%2e%2e%2fsegments.jsonl`,
      `/api/replays/${sessionId}/media/segments.jsonl`,
      `/api/replays/${sessionId}/media/chat.json`,
      `/api/replays/${sessionId}/media/replay.mp4.tmp`,
      `/api/replays/${sessionId}/media/seg-999999.m4s`,
      `/api/replays/${sessionId}/media/seg--1.m4s`,
      `/api/replays/${sessionId}/media/SEG-0.M4S`,
      `/api/replays/${sessionId}/media/seg-0.m4s%00.jpg`,
      `/api/replays/..%2F..%2F..%2Fetc/media/passwd`,
      `/api/replays/${'a'.repeat(65)}/media/replay.m3u8`,
      `/api/replays/%2e%2e/media/replay.m3u8`,
      `/api/replays/${sessionId}/media/`,
    ];
    for (const p of odd) {
      const res = await get(p);
      expect([400, 404], `${p} → ${res.status}`).toContain(res.status);
      const text = await res.text();
      expect(text).not.toMatch(/SQLite format|"n":0,|hello from the viewer/);
    }
    expect((await t.api('DELETE', `/api/sessions/${sessionId}/replay`, { token: viewer.token })).status).toBe(403);
  });

  it('keeps a private live’s replay for its host and participants: a stranger guessing the id gets 404', async () => {
    const privateId = await live(false);
    expect((await recordingOf(privateId)).enabled).toBe(false);
    const switched = await t.api('PATCH', `/api/sessions/${privateId}/recording`, { token: host.token, body: { enabled: true } });
    expect(RecordingReply.parse(switched.body).recording.state).toBe('waiting');
    expect((await t.api('PATCH', `/api/sessions/${privateId}/recording`, { token: viewer.token, body: { enabled: false } })).status).toBe(404);
    publisher = await publish(privateId);
    await waitFor(privateId, (r) => r.durationSeconds >= 4, 'private live recorded');
    // Its live media never reach /hls.
    expect((await get(`/hls/${privateId}/master.m3u8`)).status).toBe(404);
    const guest = await t.register();
    expect((await t.api('POST', `/api/sessions/${privateId}/invitations`, { token: host.token, body: { toUserId: guest.user.id } })).status).toBeLessThan(300);
    expect((await t.api('POST', `/api/sessions/${privateId}/join`, { token: guest.token })).status).toBe(200);
    await publisher.stop();
    publisher = undefined;
    await t.api('POST', `/api/sessions/${privateId}/end`, { token: host.token });
    expect((await waitFor(privateId, (r) => r.state === 'ready' || r.state === 'failed', 'private replay made')).state).toBe('ready');

    const stranger = await t.register();
    for (const token of [undefined, stranger.token]) {
      expect((await t.api('GET', `/api/sessions/${privateId}/replay`, { token })).status).toBe(404);
      for (const file of ['replay.m3u8', 'replay.mp4', 'poster.jpg', 'init-1.mp4', 'seg-0.m4s']) {
        expect((await get(`/api/replays/${privateId}/media/${file}`, token)).status).toBe(404);
      }
    }
    expect(PastLivesReply.parse((await t.api('GET', '/api/replays')).body).pastLives.map((p) => p.session.id)).not.toContain(privateId);
    for (const token of [host.token, guest.token]) {
      expect((await t.api('GET', `/api/sessions/${privateId}/replay`, { token })).status).toBe(200);
      const res = await get(`/api/replays/${privateId}/media/seg-0.m4s`, token);
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('private, max-age=3600');
    }
  }, 120_000);

  it('deletes replays past REPLAY_RETENTION_DAYS (at a given clock value) and lets the host delete one', async () => {
    const replays = t.relay.ctx.services.get('replays');
    const now = Date.now();
    expect(await replays.cleanUp(new Date(now + 29 * 24 * 3600_000))).toBe(0);
    expect(fs.existsSync(path.join(dir, dialect, 'recordings', sessionId, 'replay.mp4'))).toBe(true);
    const privateDelete = PastLivesReply.parse((await t.api('GET', '/api/me/replays', { token: host.token })).body).pastLives.find((p) => p.session.id !== sessionId);
    expect((await t.api('DELETE', `/api/sessions/${privateDelete?.session.id}/replay`, { token: host.token })).status).toBe(204);
    expect(fs.existsSync(path.join(dir, dialect, 'recordings', privateDelete?.session.id ?? 'x'))).toBe(false);
    expect(await replays.cleanUp(new Date(now + 31 * 24 * 3600_000))).toBe(1);
    expect(fs.existsSync(path.join(dir, dialect, 'recordings', sessionId))).toBe(false);
    expect((await t.api('GET', `/api/sessions/${sessionId}/replay`)).status).toBe(404);
    expect((await get(`/api/replays/${sessionId}/media/replay.m3u8`)).status).toBe(404);
  });
});
