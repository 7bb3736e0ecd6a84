import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DestinationPushesReply, DestinationReply, type DestinationPush } from '../../../protocol/destinations.js';
import { SessionReply } from '../../../protocol/sessions.js';
import { startTestRelay, type ClientSocket, type TestRelay } from '../../support/relay.js';
import { startGstPublisher, type GstPublisher } from '../media/gstreamer/publisher.js';
import { createPublisher, type SyntheticPublisher } from '../media/support/peers.js';
import { postOffer } from '../media/support/whip-client.js';
import { freeTcpPort, pictureChange, probeFile, startRtmpReceiver, untilListening, type RtmpReceiver } from './support/rtmp-receiver.js';

/**
 * Multistreaming out, end to end on loopback: a real WebRTC publisher (GStreamer x264 + Opus, or
 * libwebrtc VP8) goes live over WHIP; the relay pushes the program with ffmpeg to local RTMP receivers
 * (ffmpeg `-listen 1`, standing in for YouTube and Twitch) whose recordings ffprobe reads.
 */
const SECRET = 'multistream-test-secret-0123456789abcdef';
const dir = mkdtempSync(path.join(tmpdir(), 'multistream-'));

describe('Multistreaming out: going live pushes the program to each destination', () => {
  let t: TestRelay;
  const receivers: RtmpReceiver[] = [];
  const publishers: GstPublisher[] = [];
  const peers: SyntheticPublisher[] = [];

  beforeAll(async () => {
    t = await startTestRelay({ dialect: 'sqlite', env: { DESTINATION_KEY_SECRET: SECRET, DESTINATION_RETRY_BACKOFF: '500' } });
  });
  afterAll(async () => {
    await Promise.all(publishers.map((p) => p.stop()));
    for (const peer of peers) peer.close();
    await Promise.all(receivers.map((r) => r.stop()));
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function receiver(port: number, name: string, key: string): Promise<RtmpReceiver> {
    const r = startRtmpReceiver(port, path.join(dir, `${name}.flv`), key);
    receivers.push(r);
    await untilListening(port);
    return r;
  }

  async function destination(token: string, body: Record<string, unknown>): Promise<string> {
    const res = await t.api('POST', '/api/destinations', { token, body });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return DestinationReply.parse(res.body).destination.id;
  }

  async function liveSession(token: string): Promise<string> {
    const created = await t.api('POST', '/api/sessions', { token, body: { title: 'Multistream', type: 'video', isPublic: true } });
    const sessionId = SessionReply.parse(created.body).session.id;
    await t.api('POST', `/api/sessions/${sessionId}/start`, { token });
    return sessionId;
  }

  const pushes = async (token: string, sessionId: string): Promise<DestinationPush[]> =>
    DestinationPushesReply.parse((await t.api('GET', `/api/sessions/${sessionId}/destinations`, { token })).body).destinations;
  const stateOf = async (token: string, sessionId: string, destinationId: string) => (await pushes(token, sessionId)).find((d) => d.destinationId === destinationId);

  function collectStates(socket: ClientSocket): Map<string, string[]> {
    const seen = new Map<string, string[]>();
    socket.on('destinations:state', (reply) => {
      for (const d of reply.destinations) {
        const list = seen.get(d.destinationId) ?? [];
        if (list.at(-1) !== d.state) list.push(d.state);
        seen.set(d.destinationId, list);
      }
    });
    return seen;
  }

  it('an H.264 + Opus program reaches two receivers (H.264 copied, AAC); one receiver going down shows retrying with the reason while the other stays live, and it is live again when the receiver returns', async () => {
    const host = await t.register();
    const socket = await t.socket(host.token);
    const seen = collectStates(socket);
    const [portA, portB] = [await freeTcpPort(), await freeTcpPort()];
    const keyA = 'yt-key-AAAA-1234';
    const keyB = 'live_tw_BBBB_5678';
    const receiverA = await receiver(portA, 'a1', keyA);
    await receiver(portB, 'b', keyB);
    const a = await destination(host.token, { name: 'YouTube (local)', service: 'youtube', url: `rtmp://127.0.0.1:${portA}/live`, streamKey: keyA });
    const b = await destination(host.token, { name: 'Twitch (local)', service: 'twitch', url: `rtmp://127.0.0.1:${portB}/live/`, streamKey: keyB });

    const sessionId = await liveSession(host.token);
    // Moving bars rather than the bouncing ball: the whole picture moves, so "the receiver got a moving
    // picture" does not hang on where a 5-pixel ball happened to be (a CI run: 17 changed pixels of 14,400).
    const publisher = startGstPublisher(`${t.url}/api/whip/${sessionId}`, ['--token', host.token, '--profile', 'high', '--pattern', 'moving-bars']);
    publishers.push(publisher);
    expect(await publisher.line('status')).toBe('status 201');

    await expect.poll(async () => (await stateOf(host.token, sessionId, a))?.state, { timeout: 30_000 }).toBe('live');
    await expect.poll(async () => (await stateOf(host.token, sessionId, b))?.state, { timeout: 30_000 }).toBe('live');
    await new Promise((resolve) => setTimeout(resolve, 4_000));

    // "YouTube" goes down: its push retries with a reason; "Twitch" carries on.
    await receiverA.stop();
    let failed: DestinationPush | undefined;
    await expect.poll(async () => (failed = await stateOf(host.token, sessionId, a))?.state, { timeout: 20_000, interval: 100 }).toBe('retrying');
    expect(failed?.reason).toBeTruthy();
    expect(failed?.reason).not.toContain(keyA);
    expect(failed?.retryAt).not.toBeNull();
    expect(failed?.reasonCode).toBe('closed');
    expect((await stateOf(host.token, sessionId, b))?.state).toBe('live');

    const streamsA = probeFile(receiverA.file);
    expect(streamsA.map((s) => s.codec_name).sort()).toEqual(['aac', 'h264']);
    expect(Number(streamsA.find((s) => s.codec_type === 'video')?.nb_read_frames)).toBeGreaterThan(30);

    // It comes back on the same address: the next retry goes live again.
    const receiverA2 = await receiver(portA, 'a2', keyA);
    await expect.poll(async () => (await stateOf(host.token, sessionId, a))?.state, { timeout: 40_000 }).toBe('live');
    await new Promise((resolve) => setTimeout(resolve, 3_000));

    // The host stops "Twitch" for the rest of the live.
    const stopped = DestinationPushesReply.parse((await t.api('POST', `/api/sessions/${sessionId}/destinations/${b}/stop`, { token: host.token })).body);
    expect(stopped.destinations.find((d) => d.destinationId === b)?.state).toBe('off');
    await receivers.find((r) => r.file.endsWith('b.flv'))?.stop();
    const streamsB = probeFile(path.join(dir, 'b.flv'));
    expect(streamsB.map((s) => s.codec_name).sort()).toEqual(['aac', 'h264']);
    expect(Number(streamsB.find((s) => s.codec_type === 'video')?.nb_read_frames)).toBeGreaterThan(60);
    expect(pictureChange(path.join(dir, 'b.flv'))).toBeGreaterThan(20);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect((await stateOf(host.token, sessionId, b))?.state).toBe('off');

    await receiverA2.stop();
    expect(probeFile(receiverA2.file).map((s) => s.codec_name).sort()).toEqual(['aac', 'h264']);
    expect(seen.get(a)).toEqual(expect.arrayContaining(['connecting', 'live', 'retrying']));
    expect(seen.get(b)).toEqual(expect.arrayContaining(['live', 'off']));
    await t.api('POST', `/api/sessions/${sessionId}/end`, { token: host.token });
  }, 180_000);

  it('a VP8 program without sound is encoded to H.264 with a silent AAC track, and the receiver records a moving picture', async () => {
    const host = await t.register();
    const port = await freeTcpPort();
    const key = 'custom-key-vp8';
    const recv = await receiver(port, 'vp8', key);
    const id = await destination(host.token, { name: 'Custom', service: 'custom', url: `rtmp://127.0.0.1:${port}/live`, streamKey: key });
    const sessionId = await liveSession(host.token);
    const peer = await createPublisher({ width: 320, height: 180, fps: 15 });
    peers.push(peer);
    const reply = await postOffer(`${t.url}/api/whip/${sessionId}`, peer.offer, { token: host.token });
    expect(reply.status).toBe(201);
    await peer.accept(reply.body);
    await expect.poll(async () => (await stateOf(host.token, sessionId, id))?.state, { timeout: 30_000 }).toBe('live');
    await new Promise((resolve) => setTimeout(resolve, 4_000));
    await t.api('POST', `/api/sessions/${sessionId}/destinations/${id}/stop`, { token: host.token });
    await recv.stop();
    const streams = probeFile(recv.file);
    expect(streams.map((s) => s.codec_name).sort()).toEqual(['aac', 'h264']);
    expect(Number(streams.find((s) => s.codec_type === 'video')?.nb_read_frames)).toBeGreaterThan(20);
    expect(pictureChange(recv.file)).toBeGreaterThan(20);
  }, 120_000);
});
