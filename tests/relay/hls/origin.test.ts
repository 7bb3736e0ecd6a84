import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SessionReply } from '../../../protocol/sessions.js';
import { startTestRelay, type TestRelay } from '../../support/relay.js';
import type { GstPublisher } from '../media/gstreamer/publisher.js';
import { startGstLive } from './support/gst-live.js';
import { MasterManifest, MediaManifest, parsePlaylist, preloadHintOf, probeStreams, probeVideoFrames } from './support/hls-client.js';

const dir = mkdtempSync(path.join(tmpdir(), 'hls-origin-'));

describe('LL-HLS origin: a public live packaged by ffmpeg, served with blocking reload', () => {
  let t: TestRelay;
  let sessionId: string;
  let hostToken: string;
  let publisher: GstPublisher;

  const get = (p: string, init?: RequestInit) => fetch(`${t.url}${p}`, init);

  beforeAll(async () => {
    t = await startTestRelay({ dialect: 'sqlite' });
    ({ sessionId, publisher, hostToken } = await startGstLive(t, 'HLS', ['--profile', 'high']));
  }, 60_000);

  afterAll(async () => {
    await publisher?.stop();
    await t?.close();
  });

  it('lists two renditions (the program size and half of it) with H.264 + AAC codecs', async () => {
    const res = await get(`/hls/${sessionId}/master.m3u8`);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const master = parsePlaylist(MasterManifest, await res.text());
    expect(master.playlists.map((p) => `${p.attributes.RESOLUTION.width}x${p.attributes.RESOLUTION.height}`)).toEqual(['640x360', '320x180']);
    for (const p of master.playlists) expect(p.attributes.CODECS).toMatch(/^avc1\.[0-9a-f]{6},mp4a\.40\.2$/);
  });

  it('serves LL-HLS media playlists: parts ≤ 0.5 s, 2 s segments, preload hint, monotonic PROGRAM-DATE-TIME', async () => {
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    for (const rendition of ['360p', '180p']) {
      const res = await get(`/hls/${sessionId}/${rendition}/index.m3u8`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/mpegurl/);
      expect(res.headers.get('cache-control')).toBe('public, max-age=1');
      const text = await res.text();
      const playlist = parsePlaylist(MediaManifest, text);
      expect(playlist.partTargetDuration).toBe(0.5);
      expect(playlist.targetDuration).toBe(2);
      expect(playlist.serverControl.canBlockReload).toBe(true);
      expect(preloadHintOf(playlist), text).toMatch(/^part-\d+\.\d+\.m4s$/);
      const complete = playlist.segments.filter((s) => s.duration > 0);
      expect(complete.length).toBeGreaterThanOrEqual(1);
      for (const segment of complete) {
        expect(segment.duration).toBeGreaterThan(1.9);
        // EXTINF rounded to the nearest integer must not exceed the target duration.
        expect(Math.round(segment.duration)).toBeLessThanOrEqual(2);
        for (const part of segment.parts ?? []) expect(part.duration).toBeLessThanOrEqual(0.5);
        expect(segment.parts?.[0]?.independent ?? true).toBe(true);
      }
      const times = playlist.segments.map((s) => s.dateTimeObject?.getTime() ?? Number.NaN);
      expect(times.every((time, i) => i === 0 || time > (times[i - 1] ?? 0))).toBe(true);
      expect(playlist.renditionReports?.length).toBe(1);
    }
  }, 30_000);

  it('holds a blocking reload until the requested part exists, and answers at once for one that does', async () => {
    const playlist = parsePlaylist(MediaManifest, await (await get(`/hls/${sessionId}/360p/index.m3u8`)).text());
    const hint = /^part-(\d+)\.(\d+)\.m4s$/.exec(preloadHintOf(playlist) ?? '');
    const [msn, part] = [Number(hint?.[1]), Number(hint?.[2])];
    const started = Date.now();
    const blocked = await get(`/hls/${sessionId}/360p/index.m3u8?_HLS_msn=${msn}&_HLS_part=${part}`);
    expect(blocked.status).toBe(200);
    expect(blocked.headers.get('cache-control')).toBe('public, max-age=6');
    const after = parsePlaylist(MediaManifest, await blocked.text());
    const uris = [...after.segments.flatMap((s) => s.parts ?? []), ...(after.preloadSegment?.parts ?? [])].map((p) => p.uri);
    expect(uris).toContain(`part-${msn}.${part}.m4s`);
    expect(Date.now() - started).toBeLessThan(6_000);
    // The hinted part itself: fetched before it exists, answered once it does.
    const next = preloadHintOf(after) ?? '';
    const partRes = await get(`/hls/${sessionId}/360p/${next}`);
    expect(partRes.status).toBe(200);
    expect(partRes.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(partRes.headers.get('access-control-allow-origin')).toBe('*');
  }, 30_000);

  it('segments decode with ffprobe: H.264 + AAC, a key frame at the start of every segment', async () => {
    const playlist = parsePlaylist(MediaManifest, await (await get(`/hls/${sessionId}/360p/index.m3u8`)).text());
    const complete = playlist.segments.filter((s) => s.duration > 0);
    const init = Buffer.from(await (await get(`/hls/${sessionId}/360p/${complete[0]?.map?.uri ?? ''}`)).arrayBuffer());
    for (const segment of complete.slice(-3)) {
      const bytes = Buffer.from(await (await get(`/hls/${sessionId}/360p/${segment.uri}`)).arrayBuffer());
      const file = path.join(dir, `${segment.uri}.mp4`);
      writeFileSync(file, Buffer.concat([init, bytes]));
      const streams = await probeStreams(file);
      expect(streams.map((s) => `${s.codec_type}:${s.codec_name}`).sort()).toEqual(['audio:aac', 'video:h264']);
      const frames = await probeVideoFrames(file);
      expect(frames[0]).toMatchObject({ key_frame: 1, pict_type: 'I' });
      expect(frames.length).toBeGreaterThanOrEqual(58);
      expect(frames.slice(1).every((f) => f.key_frame === 0)).toBe(true);
    }
  }, 30_000);

  describe('hostile requests', () => {
    it('404 for an unknown session, a private live, odd names and path traversal; nothing else leaks', async () => {
      const privateHost = await t.register();
      const created = await t.api('POST', '/api/sessions', { token: privateHost.token, body: { title: 'Private', type: 'video', isPublic: false } });
      const privateId = SessionReply.parse(created.body).session.id;
      await t.api('POST', `/api/sessions/${privateId}/start`, { token: privateHost.token });
      const paths = [
        `/hls/no-such-session/master.m3u8`,
        `/hls/${privateId}/master.m3u8`,
        `/hls/${privateId}/360p/index.m3u8`,
        `/hls/${sessionId}/360p/..%2F..%2F..%2Fetc%2Fpasswd`,
        `/hls/${sessionId}/..%2F360p/index.m3u8`,
        `/hls/${sessionId}/360p/seg-abc.m4s`,
        `/hls/${sessionId}/360p/part-1.9999.m4s`,
        `/hls/${sessionId}/360p/init-999.mp4`,
        `/hls/${sessionId}/1080p/index.m3u8`,
        `/hls/${sessionId}/360p/seg-99999999.m4s`,
        `/hls/${sessionId}/360p/index.m3u8%00.txt`,
      ];
      for (const p of paths) {
        const res = await get(p);
        expect(res.status, p).toBe(404);
        // A session this node has no LL-HLS for: no Cache-Control (a CDN asks the next relay); else no-store.
        const elsewhere = p.startsWith(`/hls/${privateId}`) || !p.startsWith(`/hls/${sessionId}/`);
        expect(res.headers.get('cache-control'), p).toBe(elsewhere ? null : 'no-store');
        expect(await res.text(), p).not.toMatch(/root:|EXTM3U/);
      }
    });

    it('400 at once for an absurd or malformed _HLS_msn/_HLS_part', async () => {
      for (const query of ['_HLS_msn=999999999', '_HLS_msn=-1', '_HLS_msn=abc', '_HLS_part=2', '_HLS_msn=0&_HLS_part=99999', `_HLS_msn=${2 ** 40}`]) {
        const started = Date.now();
        const res = await get(`/hls/${sessionId}/360p/index.m3u8?${query}`);
        expect(res.status, query).toBe(400);
        expect(Date.now() - started, query).toBeLessThan(1_000);
      }
    });

    it('500 concurrent blocking requests from one address: a bounded number wait, the rest get 429, memory does not grow', async () => {
      const playlist = parsePlaylist(MediaManifest, await (await get(`/hls/${sessionId}/360p/index.m3u8`)).text());
      const hint = /^part-(\d+)\.(\d+)\.m4s$/.exec(preloadHintOf(playlist) ?? '');
      const msn = Number(hint?.[1]) + 2;
      const origin = t.relay.ctx.services.get('hls').origin;
      const heapBefore = process.memoryUsage().heapUsed;
      let mostHeld = 0;
      const sampler = setInterval(() => (mostHeld = Math.max(mostHeld, origin.blockingRequests)), 5);
      const requests = Array.from({ length: 500 }, () => get(`/hls/${sessionId}/360p/index.m3u8?_HLS_msn=${msn}`).then(async (r) => ({ status: r.status, body: await r.text() })));
      const replies = await Promise.all(requests);
      clearInterval(sampler);
      const statuses = replies.map((r) => r.status);
      // Never more than the per-address budget held at once; the rest refused at once, none failed.
      expect(mostHeld).toBeGreaterThan(0);
      expect(mostHeld).toBeLessThanOrEqual(64);
      expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
      expect(statuses.filter((s) => s === 200).length).toBeGreaterThan(0);
      expect(statuses.every((s) => s === 200 || s === 429)).toBe(true);
      expect(origin.blockingRequests).toBe(0);
      expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(64 * 1024 * 1024);
    }, 30_000);
  });

  it('404 once the live ends (no stale playlists)', async () => {
    expect((await t.api('POST', `/api/sessions/${sessionId}/end`, { token: hostToken })).status).toBe(200);
    const deadline = Date.now() + 10_000;
    let status = 0;
    while (Date.now() < deadline && (status = (await get(`/hls/${sessionId}/master.m3u8`)).status) !== 404) await new Promise((r) => setTimeout(r, 250));
    expect(status).toBe(404);
  }, 20_000);
});
