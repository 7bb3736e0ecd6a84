/**
 * Relay killed mid-live: the relay runs as a child process, is killed with SIGKILL while recording, and
 * started again on the same data folder. Once the live ends, its replay plays up to the last complete
 * segment: every segment it lists is whole, the MP4 covers them, and what a kill during a write leaves
 * behind (a half-written `.tmp` file, a cut-off index line) is never listed nor served.
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
import { AuthReply } from '../../../protocol/users.js';
import { freePort, relayProcess, type RelayProcess } from '../crash/relay-process.js';
import { parsePlaylist, probeStreams } from '../hls/support/hls-client.js';
import { startGstPublisher, type GstPublisher } from '../media/gstreamer/publisher.js';

const run = promisify(execFile);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const VodManifest = z.object({ endList: z.literal(true), segments: z.array(z.object({ uri: z.string(), duration: z.number(), map: z.object({ uri: z.string() }) })).min(1) });

describe('a relay killed mid-live', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'afritok-replay-crash-'));
  let relay: RelayProcess | undefined;
  let publisher: GstPublisher | undefined;

  afterAll(async () => {
    await publisher?.stop();
    await relay?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('finishes the replay after its restart, up to the last complete segment, never serving a truncated file', async () => {
    relay = relayProcess({ DATA_DIR: dataDir, RTMP_PORT: 'off' }, await freePort());
    await relay.start();
    const { url } = relay;
    const api = async (method: string, route: string, token?: string, body?: unknown) => {
      const res = await fetch(`${url}${route}`, {
        method,
        headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
      const text = await res.text();
      return { status: res.status, body: text ? (JSON.parse(text) as unknown) : undefined };
    };
    const host = AuthReply.parse((await api('POST', '/api/auth/register', undefined, { username: `crash_${Date.now()}`, password: 'correct horse battery' })).body);
    const sessionId = SessionReply.parse((await api('POST', '/api/sessions', host.token, { title: 'Killed', type: 'video', isPublic: true })).body).session.id;
    expect((await api('POST', `/api/sessions/${sessionId}/start`, host.token)).status).toBe(200);
    const recording = async (): Promise<Recording> => RecordingReply.parse((await api('GET', `/api/sessions/${sessionId}/recording`, host.token)).body).recording;

    publisher = startGstPublisher(`${url}/api/whip/${sessionId}`, ['--token', host.token, '--profile', 'high']);
    await publisher.line('connected');
    const deadline = Date.now() + 60_000;
    while ((await recording()).durationSeconds < 6 && Date.now() < deadline) await sleep(300);
    await relay.crash();
    await publisher.stop();
    publisher = undefined;

    // What a kill in the middle of writing the next segment leaves: a partial file and a cut-off line.
    const folder = path.join(dataDir, 'media', 'recordings', sessionId);
    const lines = fs.readFileSync(path.join(folder, 'segments.jsonl'), 'utf8').split('\n');
    const complete = lines.filter((line) => line.endsWith('}')).length;
    expect(complete).toBeGreaterThanOrEqual(3);
    fs.writeFileSync(path.join(folder, `seg-${complete}.m4s.tmp`), Buffer.alloc(1000, 7));
    fs.appendFileSync(path.join(folder, 'segments.jsonl'), `{"n":${complete},"init":1,"dur`);

    await relay.start();
    expect((await api('POST', `/api/sessions/${sessionId}/end`, host.token)).status).toBe(200);
    let finished = await recording();
    while (finished.state !== 'ready' && finished.state !== 'failed' && Date.now() < deadline + 60_000) {
      await sleep(300);
      finished = await recording();
    }
    expect(finished.state, finished.error ?? '').toBe('ready');

    const replay = ReplayReply.parse((await api('GET', `/api/sessions/${sessionId}/replay`)).body).replay;
    const vod = parsePlaylist(VodManifest, await (await fetch(`${url}${replay.media.playlistUrl}`)).text());
    expect(vod.segments.map((s) => s.uri)).toEqual(Array.from({ length: complete }, (_, n) => `seg-${n}.m4s`));
    expect(fs.readdirSync(folder).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect((await fetch(`${url}/api/replays/${sessionId}/media/seg-${complete}.m4s`)).status).toBe(404);
    expect((await fetch(`${url}/api/replays/${sessionId}/media/seg-${complete}.m4s.tmp`)).status).toBe(404);
    // Every listed segment is whole: with its init section it decodes as H.264 + AAC.
    const init = Buffer.from(await (await fetch(`${url}/api/replays/${sessionId}/media/init-1.mp4`)).arrayBuffer());
    for (const segment of vod.segments) {
      const bytes = Buffer.from(await (await fetch(`${url}/api/replays/${sessionId}/media/${segment.uri}`)).arrayBuffer());
      const file = path.join(dataDir, `check-${segment.uri}.mp4`);
      fs.writeFileSync(file, Buffer.concat([init, bytes]));
      expect((await probeStreams(file)).map((s) => s.codec_name).sort()).toEqual(['aac', 'h264']);
    }
    const mp4 = path.join(dataDir, 'download.mp4');
    fs.writeFileSync(mp4, Buffer.from(await (await fetch(`${url}${replay.media.downloadUrl}`)).arrayBuffer()));
    const { stdout } = await run('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', mp4]);
    expect(Math.abs(Number(stdout) - vod.segments.reduce((sum, s) => sum + s.duration, 0))).toBeLessThan(0.5);
  }, 240_000);
});
