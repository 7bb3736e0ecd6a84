/**
 * MEDIA_DIR full mid-live: a 1 MiB tmpfs fills with a real live's recording (GStreamer publisher). The room
 * hears `hls:health diskFull` (the studio's health strip warns the host), the live goes on over WebRTC and
 * LL-HLS, the relay keeps running, and nothing half-written is left. A socket joining while the disk is
 * full (a reloaded studio) is told `diskFull` in its join reply. A live that ends while the disk is still
 * full keeps its segments, its replay waits (`processing`, saying why) and is made once room is back. Once the volume has room again the
 * recording resumes (`ok`), and the replay plays every segment it lists, each one whole.
 * Needs root to mount the tmpfs (the CI runs as root); elsewhere the suite is skipped and says why.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { RecordingReply, ReplayReply, type Recording } from '../../../protocol/replays.js';
import { SessionReply } from '../../../protocol/sessions.js';
import { startTestRelay, type TestRelay } from '../../support/relay.js';
import { MediaManifest, parsePlaylist, probeStreams } from '../hls/support/hls-client.js';
import { startGstPublisher, type GstPublisher } from '../media/gstreamer/publisher.js';
import { whepFirstFrame } from '../media/support/whep-viewer.js';
import { joinRoom, nextEvent } from '../sessions/helpers.js';

const run = promisify(execFile);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const VodManifest = z.object({
  endList: z.literal(true),
  segments: z.array(z.object({ uri: z.string(), duration: z.number(), discontinuity: z.boolean().optional(), map: z.object({ uri: z.string() }) })).min(1),
});

const mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'afritok-disk-full-'));
/** Why the tmpfs could not be mounted (the suite is skipped), or null once mounted. */
const cannotMount = await run('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', mediaDir]).then(
  () => null,
  (err: unknown) => (err instanceof Error ? err.message : String(err)),
);
if (cannotMount !== null) {
  console.warn(`SKIPPED disk-full test: cannot mount a 1 MiB tmpfs on ${mediaDir} (needs root): ${cannotMount}`);
  fs.rmSync(mediaDir, { recursive: true, force: true });
}

describe.skipIf(cannotMount !== null)('MEDIA_DIR full mid-live', () => {
  let t: TestRelay | undefined;
  let publisher: GstPublisher | undefined;

  /** A public live whose recording filled the volume: its host's studio socket has heard `diskFull`. */
  async function liveOnFullDisk(relay: TestRelay, title: string) {
    const host = await relay.register();
    const sessionId = SessionReply.parse((await relay.api('POST', '/api/sessions', { token: host.token, body: { title, type: 'video', isPublic: true } })).body).session.id;
    expect((await relay.api('POST', `/api/sessions/${sessionId}/start`, { token: host.token })).status).toBe(200);
    const recording = async (): Promise<Recording> => RecordingReply.parse((await relay.api('GET', `/api/sessions/${sessionId}/recording`, { token: host.token })).body).recording;
    const studio = await relay.socket(host.token);
    await joinRoom(studio, sessionId);
    const full = nextEvent(studio, 'hls:health', (p) => p.sessionId === sessionId && p.health === 'diskFull');
    // VP8, so the libwebrtc WHEP viewer can decode the live (LL-HLS re-encodes it to H.264 anyway).
    publisher = startGstPublisher(`${relay.url}/api/whip/${sessionId}`, ['--token', host.token, '--codec', 'vp8']);
    await publisher.line('connected');
    await full;
    return { host, sessionId, recording, studio };
  }

  afterAll(async () => {
    await publisher?.stop();
    await t?.close();
    await run('umount', [mediaDir]).catch((err: unknown) => console.warn('umount failed', err));
    fs.rmSync(mediaDir, { recursive: true, force: true });
  });

  it('warns the room, keeps the live on WebRTC and LL-HLS, resumes when room returns, and the replay lists only whole segments', async () => {
    t = await startTestRelay({ dialect: 'sqlite', env: { MEDIA_DIR: mediaDir } });
    const relay = t;
    const { host, sessionId, recording, studio } = await liveOnFullDisk(relay, 'Full disk');
    // A studio reloaded while the disk is full hears it on joining (the change was announced before it came).
    const reloaded = await relay.socket(host.token);
    expect((await joinRoom(reloaded, sessionId)).hlsHealth).toBe('diskFull');
    // So does a viewer page opened now.
    expect((await joinRoom(await relay.socket(), sessionId)).hlsHealth).toBe('diskFull');

    // Nothing half-written stays: no temporary file, and every index line names a whole file.
    const folder = path.join(mediaDir, 'recordings', sessionId);
    expect(fs.readdirSync(folder).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const linesWhileFull = fs.readFileSync(path.join(folder, 'segments.jsonl'), 'utf8').split('\n').filter(Boolean);
    expect(linesWhileFull.length).toBeGreaterThan(0);
    for (const line of linesWhileFull) {
      const entry = z.object({ n: z.number(), bytes: z.number() }).parse(JSON.parse(line));
      expect(fs.statSync(path.join(folder, `seg-${entry.n}.m4s`)).size).toBe(entry.bytes);
    }

    // The live goes on over WebRTC: a new WHEP viewer decodes frames.
    const webrtc = await whepFirstFrame(`${relay.url}/api/whep/${sessionId}`);
    expect(webrtc.status).toBe(201);
    expect(webrtc.frame?.width).toBeGreaterThan(0);
    // And over LL-HLS (served from memory): the next segment is published and its parts served.
    const rendition = relay.relay.ctx.services.get('hls').packager(sessionId)?.renditions[0]?.name;
    expect(rendition).toBeDefined();
    const playlistUrl = `${relay.url}/hls/${sessionId}/${rendition}/index.m3u8`;
    const now = parsePlaylist(MediaManifest, await (await fetch(playlistUrl)).text());
    const nextMsn = now.mediaSequence + now.segments.length + 1;
    const later = await fetch(`${playlistUrl}?_HLS_msn=${nextMsn}`);
    expect(later.status).toBe(200);
    const part = parsePlaylist(MediaManifest, await later.text()).segments.at(-1)?.parts?.at(-1)?.uri;
    expect(part).toBeDefined();
    const partRes = await fetch(`${relay.url}/hls/${sessionId}/${rendition}/${part}`);
    expect(partRes.status).toBe(200);
    expect((await partRes.arrayBuffer()).byteLength).toBeGreaterThan(0);
    // The relay did not fall over.
    expect((await fetch(`${relay.url}/healthz`)).status).toBe(200);

    // Room comes back (the volume is grown): the recording resumes and the room hears it.
    const back = nextEvent(studio, 'hls:health', (p) => p.sessionId === sessionId && p.health === 'ok');
    await run('mount', ['-o', 'remount,size=32m', mediaDir]);
    await back;
    // Once room is back, a re-join says so too (the warning a reloaded studio showed goes away).
    expect((await joinRoom(await relay.socket(host.token), sessionId)).hlsHealth).toBe('ok');
    const resumedAt = (await recording()).durationSeconds;
    const deadline = Date.now() + 60_000;
    while ((await recording()).durationSeconds < resumedAt + 4 && Date.now() < deadline) await sleep(300);

    expect((await relay.api('POST', `/api/sessions/${sessionId}/end`, { token: host.token })).status).toBe(200);
    let finished = await recording();
    while (finished.state !== 'ready' && finished.state !== 'failed' && Date.now() < deadline + 60_000) {
      await sleep(300);
      finished = await recording();
    }
    expect(finished.state, finished.error ?? '').toBe('ready');

    // The replay: every segment the index kept, the gap marked as a discontinuity, each file whole.
    const replay = ReplayReply.parse((await relay.api('GET', `/api/sessions/${sessionId}/replay`)).body).replay;
    const vod = parsePlaylist(VodManifest, await (await fetch(`${relay.url}${replay.media.playlistUrl}`)).text());
    const kept = fs.readFileSync(path.join(folder, 'segments.jsonl'), 'utf8').split('\n').filter(Boolean).length;
    expect(vod.segments.map((s) => s.uri)).toEqual(Array.from({ length: kept }, (_, n) => `seg-${n}.m4s`));
    expect(vod.segments.slice(linesWhileFull.length).some((s) => s.discontinuity === true)).toBe(true);
    expect(fs.readdirSync(folder).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    for (const segment of vod.segments) {
      const init = Buffer.from(await (await fetch(`${relay.url}/api/replays/${sessionId}/media/${segment.map.uri}`)).arrayBuffer());
      const bytes = Buffer.from(await (await fetch(`${relay.url}/api/replays/${sessionId}/media/${segment.uri}`)).arrayBuffer());
      const file = path.join(os.tmpdir(), `afritok-disk-full-${sessionId}-${segment.uri}.mp4`);
      fs.writeFileSync(file, Buffer.concat([init, bytes]));
      expect((await probeStreams(file)).map((s) => s.codec_name).sort()).toEqual(['aac', 'h264']);
      fs.rmSync(file);
    }
    // The MP4 is the segments end to end: the paused stretch is not a frozen picture in the download.
    const mp4 = path.join(os.tmpdir(), `afritok-disk-full-${sessionId}.mp4`);
    fs.writeFileSync(mp4, Buffer.from(await (await fetch(`${relay.url}${replay.media.downloadUrl}`)).arrayBuffer()));
    const { stdout } = await run('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', mp4]);
    fs.rmSync(mp4);
    expect(Math.abs(Number(stdout) - vod.segments.reduce((sum, s) => sum + s.duration, 0))).toBeLessThan(0.5);
  }, 240_000);

  it('a live that ends while MEDIA_DIR is full keeps what it recorded and makes its replay once room is back', async () => {
    await publisher?.stop();
    // The volume is small and empty again (the previous live's files go).
    fs.rmSync(path.join(mediaDir, 'recordings'), { recursive: true, force: true });
    await run('mount', ['-o', 'remount,size=1m', mediaDir]);
    t ??= await startTestRelay({ dialect: 'sqlite', env: { MEDIA_DIR: mediaDir } });
    const relay = t;
    const { host, sessionId, recording } = await liveOnFullDisk(relay, 'Ends on a full disk');

    // The live ends while the disk is still full: the replay cannot be made yet, and says so without failing.
    expect((await relay.api('POST', `/api/sessions/${sessionId}/end`, { token: host.token })).status).toBe(200);
    await publisher?.stop();
    publisher = undefined;
    const deadline = Date.now() + 60_000;
    let waiting = await recording();
    while (waiting.error === null && waiting.state !== 'ready' && waiting.state !== 'failed' && Date.now() < deadline) {
      await sleep(300);
      waiting = await recording();
    }
    expect(waiting.state, waiting.error ?? '').toBe('processing');
    expect(waiting.error).toMatch(/Waiting for room/);
    // What was recorded is kept.
    const folder = path.join(mediaDir, 'recordings', sessionId);
    const kept = fs.readFileSync(path.join(folder, 'segments.jsonl'), 'utf8').split('\n').filter(Boolean).length;
    expect(kept).toBeGreaterThan(0);

    // Room comes back: the replay is made from every segment kept.
    await run('mount', ['-o', 'remount,size=32m', mediaDir]);
    let finished = await recording();
    while (finished.state === 'processing' && Date.now() < deadline + 60_000) {
      await sleep(300);
      finished = await recording();
    }
    expect(finished.state, finished.error ?? '').toBe('ready');
    expect(finished.error).toBeNull();
    const replay = ReplayReply.parse((await relay.api('GET', `/api/sessions/${sessionId}/replay`)).body).replay;
    const vod = parsePlaylist(VodManifest, await (await fetch(`${relay.url}${replay.media.playlistUrl}`)).text());
    expect(vod.segments.map((s) => s.uri)).toEqual(Array.from({ length: kept }, (_, n) => `seg-${n}.m4s`));
    const mp4 = await fetch(`${relay.url}${replay.media.downloadUrl}`);
    expect(mp4.status).toBe(200);
    expect((await mp4.arrayBuffer()).byteLength).toBeGreaterThan(0);
  }, 240_000);
});
