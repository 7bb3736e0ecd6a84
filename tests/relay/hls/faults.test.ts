import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SessionReply } from '../../../protocol/sessions.js';
import { startTestRelay, type TestRelay } from '../../support/relay.js';
import { createPublisher, type SyntheticPublisher } from '../media/support/peers.js';
import { postOffer } from '../media/support/whip-client.js';
import { whepFirstFrame } from '../media/support/whep-viewer.js';
import { joinRoom, nextEvent } from '../sessions/helpers.js';
import { waitForMaster } from './support/gst-live.js';

describe('LL-HLS faults: the packager killed mid-live', () => {
  let t: TestRelay;
  let sessionId: string;
  let publisher: SyntheticPublisher;

  beforeAll(async () => {
    t = await startTestRelay({ dialect: 'sqlite' });
    const host = await t.register();
    const created = await t.api('POST', '/api/sessions', { token: host.token, body: { title: 'Faults', type: 'video', isPublic: true } });
    sessionId = SessionReply.parse(created.body).session.id;
    await t.api('POST', `/api/sessions/${sessionId}/start`, { token: host.token });
    publisher = await createPublisher();
    const published = await postOffer(`${t.url}/api/whip/${sessionId}`, publisher.offer, { token: host.token });
    expect(published.status).toBe(201);
    await publisher.accept(published.body);
    await waitForMaster(t.url, sessionId);
  }, 60_000);

  afterAll(async () => {
    publisher?.close();
    await t?.close();
  });

  it('kill -9 of ffmpeg: the room hears "restarting", WebRTC keeps playing, ffmpeg is restarted and LL-HLS resumes', async () => {
    const watcher = await t.socket();
    await joinRoom(watcher, sessionId);
    const packager = t.relay.ctx.services.get('hls').packager(sessionId);
    const killed = packager?.encoderPid;
    expect(killed).toBeTypeOf('number');
    // The encoder runs below the relay's priority (field 19 of /proc/<pid>/stat is the nice value).
    const stat = readFileSync(`/proc/${killed}/stat`, 'utf8');
    expect(Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16])).toBe(10);

    const interrupted = nextEvent(watcher, 'hls:health', (p) => p.sessionId === sessionId && p.health === 'restarting');
    process.kill(killed!, 'SIGKILL');
    await interrupted;

    // The live goes on over WebRTC meanwhile: a new WHEP viewer decodes frames.
    const webrtc = await whepFirstFrame(`${t.url}/api/whep/${sessionId}`);
    expect(webrtc.status).toBe(201);
    expect(webrtc.frame?.width).toBeGreaterThan(0);

    await nextEvent(watcher, 'hls:health', (p) => p.sessionId === sessionId && p.health === 'ok');
    expect(packager?.encoderPid).toBeTypeOf('number');
    expect(packager?.encoderPid).not.toBe(killed);
    expect(packager?.restarts).toBe(1);
    const playlist = await (await fetch(`${t.url}/hls/${sessionId}/${packager!.renditions[0]!.name}/index.m3u8`)).text();
    // The new ffmpeg's media follows a discontinuity, with its own init section.
    expect(playlist).toContain('#EXT-X-DISCONTINUITY');
    expect(playlist).toContain('init-2.mp4');
    const part = /URI="(part-\d+\.\d+\.m4s)"[^\n]*\n(?![\s\S]*DISCONTINUITY)/.exec(playlist)?.[1];
    expect(part, playlist).toBeDefined();
    const res = await fetch(`${t.url}/hls/${sessionId}/${packager!.renditions[0]!.name}/${part}`);
    expect(res.status).toBe(200);
    expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(0);
  }, 60_000);
});
