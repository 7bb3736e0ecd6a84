import { audibleOnAir } from './mixer/on-air.js';
import { Compositor, DEFAULT_FORMAT, type OutputFormat } from './compositor/compositor.js';
import { MediaSources } from './devices/media-sources.js';
import { AudioMixer } from './mixer/mixer.js';
import type { Scene } from '../scenes/model/types.js';
import { formatOf } from './output/presets.js';
import { Recorder } from './recorder/recorder.js';
import { selectPreviewScene, selectProgramScene, type StudioStore } from '../store/index.js';
import type { Platform } from '../../platform/index.js';

/**
 * Wires the store to the media managers: scenes → media sources → compositor and mixer → the program
 * stream (canvas video + mixed audio) → recorder and publisher. Owns no UI.
 */
export class StudioEngine {
  readonly media: MediaSources;
  readonly compositor: Compositor;
  readonly mixer: AudioMixer;
  readonly recorder = new Recorder();
  private programStream: MediaStream | null = null;
  /** Guests' streams by user id, as the live last reported them (guest sources draw these). */
  private guests = new Map<string, MediaStream>();
  private readonly unsubscribe: Array<() => void> = [];

  constructor(
    private readonly store: StudioStore,
    private readonly platform: Platform,
    options: { format?: OutputFormat } = {},
  ) {
    this.media = new MediaSources({ guestStream: (userId) => this.guests.get(userId) ?? null });
    this.compositor = new Compositor(this.media.lookup, options.format ?? DEFAULT_FORMAT);
    this.mixer = new AudioMixer();
  }

  start(): void {
    this.apply(null);
    this.compositor.setFormat(formatOf(this.store.getState().output));
    this.unsubscribe.push(
      this.store.subscribe((state, prev) => this.apply(prev.programSceneId === state.programSceneId ? undefined : prev.programSceneId)),
      this.store.subscribe((state, prev) => {
        if (state.output !== prev.output) this.compositor.setFormat(formatOf(state.output));
      }),
      this.media.events.on('change', () => this.syncMixer()),
    );
    this.compositor.start();
    this.mixer.startMeters();
  }

  /** Canvas video plus the mix: what goes live and what is recorded. Same object every call. */
  program(): MediaStream {
    if (!this.programStream) {
      const video = this.compositor.captureStream().getVideoTracks();
      this.programStream = new MediaStream([...video, this.mixer.track]);
    }
    return this.programStream;
  }

  setFormat(format: OutputFormat): void {
    this.compositor.setFormat(format);
  }

  setPreviewCanvas(canvas: HTMLCanvasElement | null): void {
    this.compositor.attachPreview(canvas);
  }

  /** The guests on stage changed (joined, left, reconnected, or the live ended: []): guest sources re-read them. */
  setGuests(guests: ReadonlyArray<{ userId: string; stream: MediaStream }>): void {
    this.guests = new Map(guests.map((g) => [g.userId, g.stream]));
    this.media.forgetGuests();
    this.media.sync(this.allSources());
  }

  async startRecording(): Promise<void> {
    await this.mixer.resume();
    this.recorder.start(this.program(), (name) => this.platform.openRecording(name));
  }

  stop(): void {
    this.unsubscribe.splice(0).forEach((u) => u());
    this.compositor.stop();
    this.recorder.stop();
    this.media.stopAll();
    void this.mixer.close();
  }

  /** The sources to capture: none while signed out, so no camera, microphone or screen stays open behind the sign-in form. */
  private allSources() {
    const state = this.store.getState();
    if (state.authStatus !== 'signed-in') return [];
    return state.scenes.flatMap((s: Scene) => s.sources);
  }

  /** `previousProgramId` undefined: program unchanged; null: first draw. */
  private apply(previousProgramId: string | null | undefined): void {
    const state = this.store.getState();
    this.media.sync(this.allSources());
    const program = selectProgramScene(state);
    const switched = previousProgramId !== undefined && previousProgramId !== null;
    this.compositor.showProgram(program, switched ? state.transition.kind : 'cut', state.transition.durationMs);
    this.compositor.setPreviewScene(state.studioMode ? selectPreviewScene(state) : null);
    this.syncMixer();
  }

  private syncMixer(): void {
    const { scenes, programSceneId } = this.store.getState();
    this.mixer.sync(this.media.audioInputs(audibleOnAir(scenes, programSceneId)));
  }
}
