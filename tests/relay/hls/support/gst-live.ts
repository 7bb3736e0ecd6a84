import { expect } from 'vitest';
import { SessionReply } from '../../../../protocol/sessions.js';
import type { TestRelay } from '../../../support/relay.js';
import { startGstPublisher, type GstPublisher } from '../../media/gstreamer/publisher.js';

export interface GstLive {
  sessionId: string;
  hostToken: string;
  publisher: GstPublisher;
}

/** Waits until the live's master playlist answers 200 (the packager starts on the first request; 503 until its first parts). */
export async function waitForMaster(base: string, sessionId: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await fetch(`${base}/hls/${sessionId}/master.m3u8`)).status !== 200 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 500));
}

/**
 * A host goes live in a public session of `t` and publishes with GStreamer over WHIP (`publisherArgs`, e.g.
 * `['--profile', 'high']` or `['--codec', 'vp8']`); resolves once LL-HLS answers through `hlsBase`.
 */
export async function startGstLive(t: TestRelay, title: string, publisherArgs: string[], hlsBase = t.url): Promise<GstLive> {
  const host = await t.register();
  const created = await t.api('POST', '/api/sessions', { token: host.token, body: { title, type: 'video', isPublic: true } });
  const sessionId = SessionReply.parse(created.body).session.id;
  await t.api('POST', `/api/sessions/${sessionId}/start`, { token: host.token });
  const publisher = startGstPublisher(`${t.url}/api/whip/${sessionId}`, ['--token', host.token, ...publisherArgs]);
  expect(await publisher.line('status')).toBe('status 201');
  await publisher.line('connected');
  await waitForMaster(hlsBase, sessionId);
  return { sessionId, hostToken: host.token, publisher };
}
