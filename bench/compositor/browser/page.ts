/**
 * Runs inside headless Chromium: ten fake cameras and an animated 1080p "screen" composited by the
 * real Compositor, beside a bare loop that only drawImages the same sources. Driven by index.ts
 * through `window.bench`.
 */
import { Compositor, type OutputFormat } from '../../../src-renderer/studio/media/compositor/compositor.js';
import { createFrameClock } from '../../../src-renderer/studio/media/compositor/clock.js';
import type { MediaFrame } from '../../../src-renderer/studio/media/compositor/draw.js';
import { makeSource } from '../../../src-renderer/studio/scenes/model/defaults.js';
import type { Scene } from '../../../src-renderer/studio/scenes/model/types.js';
import type { BenchApi, PhaseResult } from '../types.js';

const TILES = 10;
const media = new Map<string, MediaFrame>();
const videos: HTMLVideoElement[] = [];

async function videoOf(stream: MediaStream): Promise<HTMLVideoElement> {
  const v = document.createElement('video');
  v.muted = true;
  v.srcObject = stream;
  await v.play();
  await new Promise((r) => (v.readyState >= 2 ? r(null) : (v.onloadeddata = r)));
  return v;
}

/** A stand-in for a captured screen: a 1920×1080 canvas that changes every frame (getDisplayMedia needs a picker). */
function fakeScreen(): MediaStream {
  const c = document.createElement('canvas');
  c.width = 1920;
  c.height = 1080;
  const ctx = c.getContext('2d') as CanvasRenderingContext2D;
  let n = 0;
  setInterval(() => {
    n += 1;
    ctx.fillStyle = `hsl(${n % 360} 40% 30%)`;
    ctx.fillRect(0, 0, 1920, 1080);
    ctx.fillStyle = '#fff';
    ctx.font = '48px sans-serif';
    for (let i = 0; i < 20; i += 1) ctx.fillText(`line ${i} frame ${n}`, 40, 60 + i * 50);
  }, 33);
  return c.captureStream(30);
}

async function setup(): Promise<Scene> {
  const sources = [];
  const screen = makeSource('screen', 'screen', 'Screen');
  sources.push(screen);
  media.set('screen', frameOf(await videoOf(fakeScreen())));
  for (let i = 0; i < TILES; i += 1) {
    const stream = await navigator.mediaDevices.getUserMedia({ video: { width: 640, height: 360 }, audio: false });
    const video = await videoOf(stream);
    videos.push(video);
    const id = `cam${i}`;
    media.set(id, frameOf(video));
    const cam = makeSource(id, 'camera', `Camera ${i}`);
    cam.transform = { ...cam.transform, x: (i % 5) * 0.2, y: 0.6 + Math.floor(i / 5) * 0.2, w: 0.2, h: 0.2, fit: 'fill' };
    sources.push(cam);
  }
  return { id: 'bench', name: 'Bench', sources };
}

function frameOf(v: HTMLVideoElement): MediaFrame {
  return {
    image: v,
    get width() {
      return v.videoWidth;
    },
    get height() {
      return v.videoHeight;
    },
  };
}

let scene: Scene | null = null;

async function runCompositor(format: OutputFormat, seconds: number): Promise<PhaseResult> {
  scene ??= await setup();
  const durations: number[] = [];
  class Timed extends Compositor {
    override renderFrame(now?: number): void {
      const t = performance.now();
      super.renderFrame(now);
      durations.push(performance.now() - t);
    }
  }
  const compositor = new Timed((id) => media.get(id) ?? null, format);
  document.body.append(compositor.program);
  compositor.program.style.width = '640px';
  compositor.showProgram(scene);
  let hidden = false;
  const onVis = () => (hidden ||= document.visibilityState === 'hidden');
  document.addEventListener('visibilitychange', onVis);
  onVis();
  const started = performance.now();
  compositor.start();
  await new Promise((r) => setTimeout(r, seconds * 1000));
  compositor.stop();
  document.removeEventListener('visibilitychange', onVis);
  compositor.program.remove();
  return { frames: durations.length, durationsMs: durations, missed: compositor.missedFrames, elapsedMs: performance.now() - started, hiddenDuringRun: hidden };
}

/** The floor: the same sources drawn with nothing but drawImage, on the same kind of clock. */
async function runBare(format: OutputFormat, seconds: number): Promise<PhaseResult> {
  scene ??= await setup();
  const canvas = document.createElement('canvas');
  canvas.width = format.width;
  canvas.height = format.height;
  const ctx = canvas.getContext('2d', { alpha: false }) as CanvasRenderingContext2D;
  const durations: number[] = [];
  const current = scene;
  const clock = createFrameClock(format.fps, () => {
    const t = performance.now();
    for (const s of current.sources) {
      const m = media.get(s.id);
      if (!m) continue;
      const tr = s.transform;
      ctx.drawImage(m.image, tr.x * format.width, tr.y * format.height, tr.w * format.width, tr.h * format.height);
    }
    durations.push(performance.now() - t);
  });
  const started = performance.now();
  clock.start();
  await new Promise((r) => setTimeout(r, seconds * 1000));
  clock.stop();
  return { frames: durations.length, durationsMs: durations, missed: clock.missed, elapsedMs: performance.now() - started, hiddenDuringRun: false };
}

declare global {
  interface Window {
    bench: BenchApi;
  }
}
window.bench = { runCompositor, runBare, ready: setup().then((s) => void (scene = s)) };
