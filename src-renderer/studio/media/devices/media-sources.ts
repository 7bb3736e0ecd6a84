import type { MediaFrame } from '../compositor/draw.js';
import { Emitter } from '../../../shared/realtime/emitter.js';
import type { MixerInput } from '../mixer/mixer.js';
import { hasAudio, type Source } from '../../scenes/model/types.js';

export type MediaSourcesEvents = {
  /** Media for a source appeared or went away (the UI re-renders, the mixer re-syncs). */
  change: { sourceId: string };
  error: { sourceId: string; message: string };
};

interface Entry {
  /** What the media was opened for; a different key (e.g. another camera) reopens it. */
  key: string;
  stream: MediaStream | null;
  video: HTMLVideoElement | null;
  image: HTMLImageElement | null;
  /** We opened the tracks, so we stop them; guest streams belong to their link. */
  owned: boolean;
}

export interface MediaSourcesOptions {
  getUserMedia?: (c: MediaStreamConstraints) => Promise<MediaStream>;
  /** A guest's live stream by user id, from the guest mesh. */
  guestStream?: (userId: string) => MediaStream | null;
}

function keyOf(source: Source): string | null {
  switch (source.kind) {
    case 'camera':
    case 'microphone':
      return `${source.kind}:${source.deviceId ?? 'default'}`;
    case 'image':
      return `image:${source.url}`;
    case 'guest':
      return `guest:${source.userId}`;
    default:
      return null; // screens are attached by the UI after the picker; text and colour need no media
  }
}

function videoFor(stream: MediaStream): HTMLVideoElement | null {
  if (stream.getVideoTracks().length === 0) return null;
  const video = document.createElement('video');
  video.muted = true; // sound goes through the mixer, never straight out
  video.playsInline = true;
  video.srcObject = stream;
  void video.play().catch(() => undefined);
  return video;
}

/**
 * Opens and holds the live media of every source (cameras, microphones, screens, images, guests)
 * and serves frames to the compositor and streams to the mixer. Not a React component.
 */
export class MediaSources {
  readonly events = new Emitter<MediaSourcesEvents>();
  private readonly entries = new Map<string, Entry>();
  private readonly opening = new Set<string>();

  constructor(private readonly options: MediaSourcesOptions = {}) {}

  /** The compositor's view: the current picture of a source, if any. */
  readonly lookup = (sourceId: string): MediaFrame | null => {
    const e = this.entries.get(sourceId);
    if (e?.video && e.video.readyState >= 2) return { image: e.video, width: e.video.videoWidth, height: e.video.videoHeight };
    if (e?.image?.complete && e.image.naturalWidth > 0) return { image: e.image, width: e.image.naturalWidth, height: e.image.naturalHeight };
    return null;
  };

  has(sourceId: string): boolean {
    return this.entries.has(sourceId);
  }

  /** Hands over a stream captured elsewhere (a screen after the picker, a guest's camera). */
  attach(sourceId: string, stream: MediaStream, owned = true, key = `attached:${stream.id}`): void {
    this.release(sourceId);
    this.entries.set(sourceId, { key, stream, video: videoFor(stream), image: null, owned });
    if (owned) stream.getVideoTracks()[0]?.addEventListener('ended', () => this.release(sourceId));
    this.events.emit('change', { sourceId });
  }

  /** Opens media for new sources and closes it for removed ones. `sources` = every source of every scene. */
  sync(sources: readonly Source[]): void {
    const wanted = new Map(sources.map((s) => [s.id, s]));
    for (const id of [...this.entries.keys()]) if (!wanted.has(id)) this.release(id);
    for (const source of sources) {
      const key = keyOf(source);
      const current = this.entries.get(source.id);
      if (key === null || current?.key === key || this.opening.has(source.id)) continue;
      void this.open(source, key);
    }
  }

  /** Streams with sound, with their mixer settings. */
  audioInputs(sources: readonly Source[]): MixerInput[] {
    const inputs: MixerInput[] = [];
    for (const s of sources) {
      const stream = this.entries.get(s.id)?.stream;
      if (!stream || !hasAudio(s) || stream.getAudioTracks().length === 0) continue;
      inputs.push({ id: s.id, stream, settings: s.audio, owner: s.kind === 'guest' ? s.userId : undefined });
    }
    return inputs;
  }

  /** Drops guest media so the next `sync` asks the mesh again. */
  forgetGuests(): void {
    for (const [id, e] of [...this.entries]) if (e.key.startsWith('guest:')) this.release(id);
  }

  async listDevices(): Promise<MediaDeviceInfo[]> {
    return navigator.mediaDevices.enumerateDevices();
  }

  stopAll(): void {
    for (const id of [...this.entries.keys()]) this.release(id);
  }

  private async open(source: Source, key: string): Promise<void> {
    this.opening.add(source.id);
    try {
      const entry = await this.acquire(source, key);
      if (!entry) return;
      this.release(source.id);
      this.entries.set(source.id, entry);
      this.events.emit('change', { sourceId: source.id });
    } catch (err) {
      this.events.emit('error', { sourceId: source.id, message: err instanceof Error ? err.message : String(err) });
    } finally {
      this.opening.delete(source.id);
    }
  }

  private async acquire(source: Source, key: string): Promise<Entry | null> {
    const gum = this.options.getUserMedia ?? ((c) => navigator.mediaDevices.getUserMedia(c));
    const device = (id: string | null) => (id ? { deviceId: { exact: id } } : {});
    switch (source.kind) {
      case 'camera': {
        const stream = await gum({ video: { width: 1280, height: 720, ...device(source.deviceId) }, audio: false });
        return { key, stream, video: videoFor(stream), image: null, owned: true };
      }
      case 'microphone': {
        const stream = await gum({ audio: { echoCancellation: true, ...device(source.deviceId) }, video: false });
        return { key, stream, video: null, image: null, owned: true };
      }
      case 'image': {
        if (!source.url) return null;
        const image = new Image();
        image.crossOrigin = 'anonymous'; // keeps the program canvas untainted (captureStream needs that)
        image.src = source.url;
        await image.decode();
        return { key, stream: null, video: null, image, owned: false };
      }
      case 'guest': {
        const stream = this.options.guestStream?.(source.userId) ?? null;
        return stream ? { key, stream, video: videoFor(stream), image: null, owned: false } : null;
      }
      default:
        return null;
    }
  }

  private release(sourceId: string): void {
    const e = this.entries.get(sourceId);
    if (!e) return;
    this.entries.delete(sourceId);
    if (e.owned) e.stream?.getTracks().forEach((t) => t.stop());
    if (e.video) e.video.srcObject = null;
    this.events.emit('change', { sourceId });
  }
}
