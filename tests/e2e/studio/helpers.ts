import { expect, type Page } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { rtcStats, videoCodecs, videoPixels } from '../support/probes.js';

/** A 1×1 red PNG: an image source needs a real, decodable file. */
export const RED_PIXEL_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
  'base64',
);

export const uniqueUser = (prefix: string) => `${prefix}_${randomBytes(4).toString('hex')}`;

export async function registerInStudio(page: Page, baseUrl: string, username = uniqueUser('host')): Promise<string> {
  await page.goto(`${baseUrl}/studio`);
  await page.getByTestId('auth-username').fill(username);
  await page.getByTestId('auth-password').fill('correct horse battery');
  await page.getByTestId('auth-register').click();
  await expect(page.getByTestId('source-add')).toBeVisible();
  return username;
}

export async function addSource(page: Page, kind: 'camera' | 'microphone' | 'text' | 'screen'): Promise<void> {
  await page.getByTestId('source-add').click();
  await page.getByTestId(`source-kind-${kind}`).click();
}

export async function addImage(page: Page): Promise<void> {
  await page.getByTestId('source-add').click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('source-kind-image').click();
  await (await chooser).setFiles({ name: 'logo.png', mimeType: 'image/png', buffer: RED_PIXEL_PNG });
}

/*
 * The functions below run inside the page. This file is type-checked as Node code (no DOM lib), so the
 * few browser objects they touch are described structurally here.
 */
interface Drawable2d {
  drawImage(image: unknown, x: number, y: number, w: number, h: number): void;
}
interface CanvasLike {
  width: number;
  height: number;
  getContext(kind: '2d'): Drawable2d | null;
  toDataURL(): string;
}
interface VideoLike {
  videoWidth: number;
  currentTime: number;
  getVideoPlaybackQuality?: () => { totalVideoFrames: number };
}
interface PageGlobals {
  document: { createElement(tag: 'canvas'): CanvasLike };
}

/** A cheap fingerprint of what the program canvas shows now. */
export async function programFingerprint(page: Page): Promise<string> {
  return page.getByTestId('program-canvas').evaluate((el) => {
    const { document } = globalThis as unknown as PageGlobals;
    const canvas = el as unknown as CanvasLike;
    const small = document.createElement('canvas');
    small.width = 32;
    small.height = 18;
    small.getContext('2d')?.drawImage(canvas, 0, 0, 32, 18);
    return small.toDataURL();
  });
}

/** Whether a <video> is showing frames that change (a live picture, not a frozen one). */
export async function videoFrames(page: Page, testId: string): Promise<{ width: number; time: number; frames: number }> {
  return page.getByTestId(testId).evaluate((el) => {
    const video = el as unknown as VideoLike;
    const quality = video.getVideoPlaybackQuality?.();
    return { width: video.videoWidth, time: video.currentTime, frames: quality?.totalVideoFrames ?? 0 };
  });
}

interface MediaElementLike {
  muted: boolean;
  src: string;
  duration: number;
  currentTime: number;
  videoWidth: number;
  onloadedmetadata: (() => void) | null;
  onerror: (() => void) | null;
  ontimeupdate: (() => void) | null;
}
interface PlaybackGlobals {
  document: { createElement(tag: 'video'): MediaElementLike };
  Blob: new (parts: unknown[], options: { type: string }) => unknown;
  URL: { createObjectURL(blob: unknown): string };
  atob(data: string): string;
}

/**
 * Loads a WebM (base64) into a <video> in the page and reports its real duration and width.
 * Chromium's MediaRecorder writes no duration; seeking far forces the real one to be computed.
 */
export async function probeWebm(page: Page, base64: string): Promise<{ duration: number; width: number }> {
  return page.evaluate(async (b64) => {
    const g = globalThis as unknown as PlaybackGlobals;
    const blob = new g.Blob([Uint8Array.from(g.atob(b64), (c) => c.charCodeAt(0))], { type: 'video/webm' });
    const video = g.document.createElement('video');
    video.muted = true;
    video.src = g.URL.createObjectURL(blob);
    await new Promise<void>((resolve, reject) => {
      video.onloadedmetadata = () => resolve();
      video.onerror = () => reject(new Error('not playable'));
    });
    if (!Number.isFinite(video.duration)) {
      await new Promise<void>((resolve) => {
        video.ontimeupdate = () => resolve();
        video.currentTime = 1e9;
      });
    }
    return { duration: video.duration, width: video.videoWidth };
  }, base64);
}

/**
 * Opens /watch/<id> in `viewer` and checks what a person sees and hears from an encoder's H.264 live:
 * frames keep being decoded, the picture is not flat, sound plays once unmuted; then a screenshot.
 */
export async function expectEncoderLiveOnWatch(viewer: Page, sessionId: string, screenshotPath: string): Promise<void> {
  await viewer.goto(`/watch/${sessionId}`);
  await expect(viewer.getByTestId('session-state')).toHaveAttribute('data-state', 'live');
  await expect.poll(async () => (await rtcStats(viewer)).framesDecoded, { timeout: 45_000 }).toBeGreaterThan(30);
  const before = (await rtcStats(viewer)).framesDecoded;
  await expect.poll(async () => (await rtcStats(viewer)).framesDecoded, { timeout: 15_000 }).toBeGreaterThan(before + 30);
  expect((await videoCodecs(viewer)).inbound).toEqual(['video/H264']);
  expect((await videoPixels(viewer, '[data-testid="player"]')).variance).toBeGreaterThan(100);
  await viewer.getByTestId('unmute-button').click();
  await expect.poll(async () => (await rtcStats(viewer)).audioEnergy, { timeout: 15_000 }).toBeGreaterThan(0);
  await viewer.screenshot({ path: screenshotPath });
}
