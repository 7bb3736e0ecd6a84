import type { AlertSettings, AudioSettings, Crop, Source, SourceKind, TextStyle, Transform } from './types.js';

export const NO_CROP: Crop = { top: 0, right: 0, bottom: 0, left: 0 };
export const DEFAULT_AUDIO: AudioSettings = { gain: 1, muted: false, monitor: false };
export const DEFAULT_TEXT: TextStyle = {
  text: 'Afritok Live',
  font: 'sans-serif',
  size: 64,
  color: '#ffffff',
  outlineColor: '#000000',
  outlineWidth: 4,
};

export const DEFAULT_ALERTS: AlertSettings = { durationMs: 5000, sound: true, follow: true, gift: true, topGifter: true };

export function fullFrame(): Transform {
  return { x: 0, y: 0, w: 1, h: 1, crop: { ...NO_CROP }, fit: 'fit', hidden: false, locked: false };
}

/** Where each kind first appears: full-frame for video, a band for text, a corner for images. */
export function defaultTransform(kind: SourceKind): Transform {
  switch (kind) {
    case 'text':
      return { ...fullFrame(), x: 0.05, y: 0.8, w: 0.6, h: 0.12 };
    case 'image':
      return { ...fullFrame(), x: 0.7, y: 0.05, w: 0.25, h: 0.25 };
    case 'guest':
      return { ...fullFrame(), x: 0.5, y: 0, w: 0.5, h: 0.5 };
    case 'alerts':
      return { ...fullFrame(), x: 0.15, y: 0.06, w: 0.7, h: 0.2 };
    default:
      return fullFrame();
  }
}

export interface NewSourceOptions {
  deviceId?: string | null;
  url?: string;
  style?: Partial<TextStyle>;
  color?: string;
  userId?: string;
  displayName?: string;
}

/** Builds a new source of `kind` with sensible defaults. */
export function makeSource(id: string, kind: SourceKind, name: string, opts: NewSourceOptions = {}): Source {
  const common = { id, name, transform: defaultTransform(kind) };
  switch (kind) {
    case 'camera':
      return { ...common, kind, deviceId: opts.deviceId ?? null };
    case 'microphone':
      return { ...common, kind, deviceId: opts.deviceId ?? null, audio: { ...DEFAULT_AUDIO } };
    case 'screen':
      return { ...common, kind, audio: { ...DEFAULT_AUDIO } };
    case 'image':
      return { ...common, kind, url: opts.url ?? '' };
    case 'text':
      return { ...common, kind, style: { ...DEFAULT_TEXT, ...opts.style } };
    case 'color':
      return { ...common, kind, color: opts.color ?? '#1f2937' };
    case 'alerts':
      return { ...common, kind, alerts: { ...DEFAULT_ALERTS } };
    case 'guest':
      return {
        ...common,
        kind,
        userId: opts.userId ?? '',
        displayName: opts.displayName ?? '',
        audio: { ...DEFAULT_AUDIO },
      };
  }
}
