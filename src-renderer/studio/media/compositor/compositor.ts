import { Emitter } from '../../../shared/realtime/emitter.js';
import type { Scene, TransitionKind } from '../../scenes/model/types.js';
import { createFrameClock, type FrameClock } from './clock.js';
import { drawScene, type MediaLookup } from './draw.js';
import { transitionProgress } from './transition.js';
import { FrameStats, type FrameStatsSnapshot } from './frame-stats.js';

export interface OutputFormat {
  width: number;
  height: number;
  fps: number;
}
export const DEFAULT_FORMAT: OutputFormat = { width: 1280, height: 720, fps: 30 };
export const FORMATS: Record<string, OutputFormat> = {
  '720p30': DEFAULT_FORMAT,
  '720p60': { width: 1280, height: 720, fps: 60 },
  '1080p30': { width: 1920, height: 1080, fps: 30 },
  '1080p60': { width: 1920, height: 1080, fps: 60 },
};

export type CompositorEvents = {
  /** Once a second: measured output rate and draw cost. */
  stats: FrameStatsSnapshot;
  /** A transition finished; the new scene is fully on program. */
  transitioned: { sceneId: string };
};

interface Transition {
  from: Scene;
  kind: TransitionKind;
  durationMs: number;
  startedAt: number;
}

/**
 * Draws the program scene (and the preview scene, in studio mode) on its own clock.
 * Not a React component: the UI hands it scenes and canvases and listens to its events.
 */
export class Compositor {
  readonly events = new Emitter<CompositorEvents>();
  readonly program: HTMLCanvasElement;
  private readonly ctx: CanvasRenderingContext2D;
  private format: OutputFormat;
  private programScene: Scene | null = null;
  private previewScene: Scene | null = null;
  private preview: { canvas: HTMLCanvasElement; ctx: CanvasRenderingContext2D } | null = null;
  private transition: Transition | null = null;
  private readonly clock: FrameClock;
  private readonly stats = new FrameStats();
  private running = false;

  constructor(
    private readonly media: MediaLookup,
    format: OutputFormat = DEFAULT_FORMAT,
    canvas: HTMLCanvasElement = document.createElement('canvas'),
  ) {
    this.format = format;
    this.program = canvas;
    const ctx = canvas.getContext('2d', { alpha: false });
    if (!ctx) throw new Error('2D canvas unavailable');
    this.ctx = ctx;
    this.applySize();
    this.clock = createFrameClock(format.fps, (_frame, now) => this.tick(now));
  }

  get outputFormat(): OutputFormat {
    return this.format;
  }

  setFormat(format: OutputFormat): void {
    this.format = format;
    this.applySize();
    this.clock.setFps(format.fps);
  }

  /** Puts `scene` on program, with a transition from what was there. */
  showProgram(scene: Scene | null, kind: TransitionKind = 'cut', durationMs = 0): void {
    const previous = this.programScene;
    const isSwitch = previous && scene && previous.id !== scene.id;
    if (isSwitch && kind === 'fade' && durationMs > 0) {
      this.transition = { from: this.transition?.from ?? previous, kind, durationMs, startedAt: performance.now() };
    } else if (isSwitch) {
      this.transition = null;
    }
    this.programScene = scene;
  }

  /** Studio mode: the scene drawn on the preview canvas (null: none). */
  setPreviewScene(scene: Scene | null): void {
    this.previewScene = scene;
  }

  /** The canvas the preview is drawn on; `null` detaches it. */
  attachPreview(canvas: HTMLCanvasElement | null): void {
    if (!canvas) return void (this.preview = null);
    if (this.preview?.canvas !== canvas) {
      const ctx = canvas.getContext('2d', { alpha: false });
      this.preview = ctx ? { canvas, ctx } : null;
    }
  }

  /** The program as a video track source at the output frame rate. */
  captureStream(): MediaStream {
    return this.program.captureStream(this.format.fps);
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.clock.start();
  }

  stop(): void {
    this.running = false;
    this.clock.stop();
  }

  get missedFrames(): number {
    return this.clock.missed;
  }

  /** Draws one frame now (also used by the benchmark and tests). */
  renderFrame(now = performance.now()): void {
    const began = performance.now();
    this.drawProgram(now);
    if (this.preview && this.previewScene) this.drawPreview(this.preview, this.previewScene);
    this.stats.record(now, performance.now() - began);
  }

  private tick(now: number): void {
    if (!this.running) return;
    this.renderFrame(now);
    const snapshot = this.stats.takeIfDue(now, this.clock.missed);
    if (snapshot) this.events.emit('stats', snapshot);
  }

  private drawProgram(now: number): void {
    const size = { w: this.format.width, h: this.format.height };
    this.ctx.fillStyle = '#000';
    this.ctx.fillRect(0, 0, size.w, size.h);
    const t = this.transition;
    const progress = t ? transitionProgress(t.kind, now - t.startedAt, t.durationMs) : 1;
    if (t && progress < 1) drawScene(this.ctx, t.from, this.media, size, 1);
    if (this.programScene) drawScene(this.ctx, this.programScene, this.media, size, progress);
    if (t && progress >= 1) {
      this.transition = null;
      if (this.programScene) this.events.emit('transitioned', { sceneId: this.programScene.id });
    }
  }

  private drawPreview(target: { canvas: HTMLCanvasElement; ctx: CanvasRenderingContext2D }, scene: Scene): void {
    const size = { w: target.canvas.width, h: target.canvas.height };
    target.ctx.fillStyle = '#000';
    target.ctx.fillRect(0, 0, size.w, size.h);
    drawScene(target.ctx, scene, this.media, size);
  }

  private applySize(): void {
    this.program.width = this.format.width;
    this.program.height = this.format.height;
  }
}
