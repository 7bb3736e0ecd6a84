import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRelay, type TestRelay } from '../../support/relay.js';
import type { GstPublisher } from '../media/gstreamer/publisher.js';
import { startGstLive } from './support/gst-live.js';
import { MasterManifest, MediaManifest, parsePlaylist, probeStreams, probeVideoFrames } from './support/hls-client.js';

const dir = mkdtempSync(path.join(tmpdir(), 'hls-vp8-'));

/**
 * A publisher that only sends VP8 (an older browser, a GStreamer or OBS build without H.264): LL-HLS
 * viewers still get H.264 + AAC, which Safari and every hls.js browser decode, because the packager
 * decodes the program whatever its codec and encodes the ladder itself.
 */
describe('LL-HLS from a VP8 publisher', () => {
  let t: TestRelay;
  let sessionId: string;
  let publisher: GstPublisher;
  const get = (p: string) => fetch(`${t.url}${p}`);

  beforeAll(async () => {
    t = await startTestRelay({ dialect: 'sqlite' });
    ({ sessionId, publisher } = await startGstLive(t, 'VP8 to HLS', ['--codec', 'vp8']));
  }, 60_000);

  afterAll(async () => {
    await publisher?.stop();
    await t?.close();
  });

  it('offers the two-rung H.264 + AAC ladder', async () => {
    const master = parsePlaylist(MasterManifest, await (await get(`/hls/${sessionId}/master.m3u8`)).text());
    expect(master.playlists).toHaveLength(2);
    for (const p of master.playlists) expect(p.attributes.CODECS).toMatch(/^avc1\.[0-9a-f]{6},mp4a\.40\.2$/);
  });

  it('serves segments that decode as H.264 + AAC with a key frame first, on both rungs', async () => {
    const master = parsePlaylist(MasterManifest, await (await get(`/hls/${sessionId}/master.m3u8`)).text());
    for (const rung of master.playlists.map((p) => p.uri.split('/')[0] ?? '')) {
      const read = async () => {
        const res = await get(`/hls/${sessionId}/${rung}/index.m3u8`);
        const text = await res.text();
        expect(res.status, `${rung}: ${text}`).toBe(200);
        return parsePlaylist(MediaManifest, text);
      };
      let playlist = await read();
      const deadline = Date.now() + 15_000;
      while (playlist.segments.filter((s) => s.duration > 0).length < 2 && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 500));
        playlist = await read();
      }
      const segment = playlist.segments.filter((s) => s.duration > 0).at(-1);
      expect(segment, `${rung} has a complete segment`).toBeDefined();
      const init = Buffer.from(await (await get(`/hls/${sessionId}/${rung}/${segment?.map?.uri ?? ''}`)).arrayBuffer());
      const bytes = Buffer.from(await (await get(`/hls/${sessionId}/${rung}/${segment?.uri ?? ''}`)).arrayBuffer());
      const file = path.join(dir, `${rung}-${segment?.uri ?? ''}.mp4`);
      writeFileSync(file, Buffer.concat([init, bytes]));
      expect((await probeStreams(file)).map((s) => `${s.codec_type}:${s.codec_name}`).sort()).toEqual(['audio:aac', 'video:h264']);
      const frames = await probeVideoFrames(file);
      expect(frames[0]).toMatchObject({ key_frame: 1 });
      expect(frames.length).toBeGreaterThanOrEqual(50);
    }
  }, 40_000);
});
