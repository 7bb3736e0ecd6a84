import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { z } from 'zod';

/** Path of the in-page instrumentation; add it with `page.addInitScript({ path: PROBES_SCRIPT })` before navigating. */
export const PROBES_SCRIPT = path.join(path.dirname(fileURLToPath(import.meta.url)), 'browser/probes.js');

export const RtcStats = z.object({
  peerConnections: z.number(),
  connected: z.number(),
  framesDecoded: z.number(),
  audioPacketsReceived: z.number(),
  audioEnergy: z.number(),
  framesEncoded: z.number(),
  audioPacketsSent: z.number(),
});
export type RtcStats = z.infer<typeof RtcStats>;

export const VideoPixels = z.object({
  width: z.number(),
  height: z.number(),
  mean: z.number(),
  variance: z.number(),
  currentTime: z.number(),
  paused: z.boolean(),
});

export const SenderTracks = z.array(z.object({ kind: z.string(), enabled: z.boolean(), readyState: z.string() }));

/** Same values as CODE in src-renderer/pages/testbench/frame-code.ts. */
export const STAMP_CODE = { blockWidth: 10, blockHeight: 12, timeBits: 44, frameBits: 20, top: 4, left: 4 } as const;
export const Stamp = z.object({ timeMs: z.number(), frame: z.number(), readAt: z.number() }).nullable();

export async function instrument(page: Page): Promise<void> {
  await page.addInitScript({ path: PROBES_SCRIPT });
}

export const VideoCodecs = z.object({ inbound: z.array(z.string()), outbound: z.array(z.string()) });

/** The video codecs (MIME types) a page's open links receive and send. */
export async function videoCodecs(page: Page) {
  return VideoCodecs.parse(await page.evaluate('window.__probes.videoCodecs()'));
}

export async function rtcStats(page: Page): Promise<RtcStats> {
  return RtcStats.parse(await page.evaluate('window.__probes.rtcStats()'));
}

export const PeerDescriptions = z.array(z.object({ state: z.string(), local: z.string(), remote: z.string() }));

/** Local/remote SDP of the page's open RTCPeerConnections. */
export async function peerDescriptions(page: Page) {
  return PeerDescriptions.parse(await page.evaluate('window.__probes.peerDescriptions()'));
}

/** The DTLS certificate fingerprints (`a=fingerprint:` values) in an SDP: who the other end is. */
export function sdpFingerprints(sdp: string): string[] {
  return [...new Set([...sdp.matchAll(/^a=fingerprint:(.+)$/gm)].map((m) => m[1]!.trim()))];
}

export async function videoPixels(page: Page, selector: string) {
  return VideoPixels.parse(await page.evaluate(`window.__probes.videoPixels(${JSON.stringify(selector)})`));
}

export async function senderTracks(page: Page) {
  return SenderTracks.parse(await page.evaluate('window.__probes.senderTracks()'));
}

export async function decodeStamp(page: Page, selector: string) {
  return Stamp.parse(await page.evaluate(`window.__probes.decodeStamp(${JSON.stringify(selector)}, ${JSON.stringify(STAMP_CODE)})`));
}

/** Loudest RMS (0..1) of the sound a media element receives, measured in the page over `ms`. */
export async function audioRms(page: Page, selector: string, ms = 500): Promise<number> {
  return z.number().parse(await page.evaluate(`window.__probes.audioRms(${JSON.stringify(selector)}, ${ms})`));
}

export const GlassToGlass = z.object({ latencies: z.array(z.number()), unreadable: z.number() });

/** Glass-to-glass latencies (ms) of `samples` frames of a <video> showing the testbench stamp. */
export async function glassToGlass(page: Page, selector: string, samples: number) {
  return GlassToGlass.parse(
    await page.evaluate(`window.__probes.glassToGlass(${JSON.stringify(selector)}, ${JSON.stringify(STAMP_CODE)}, ${samples})`),
  );
}

/** ms from navigation start until `selector` shows its first frame. */
export async function firstFrameAt(page: Page, selector: string): Promise<number> {
  return z.number().parse(await page.evaluate(`window.__probes.firstFrameAt(${JSON.stringify(selector)})`));
}

/** ms since navigation start at which the page created its first RTCPeerConnection. */
export async function firstPeerConnectionAt(page: Page): Promise<number | null> {
  return z.number().nullable().parse(await page.evaluate('window.__probes.firstPeerConnectionAt()'));
}

/**
 * For `expect.poll(...).toBe(true)`: true once `count` (a frame counter) has grown by more than 2 since
 * the previous call (a stall, or a counter just reset by a fresh link or element, reads false).
 */
export function growing(count: () => Promise<number>): () => Promise<boolean> {
  let last: number | null = null;
  return async () => {
    const now = await count();
    const grew = last !== null && now > last + 2;
    last = now;
    return grew;
  };
}

/** `growing` on the page's decoded WebRTC video frames. */
export function framesGrowing(page: Page): () => Promise<boolean> {
  return growing(async () => (await rtcStats(page)).framesDecoded);
}
