import { z } from 'zod';

/** What a source draws or plays. */
export const SourceKind = z.enum(['camera', 'microphone', 'screen', 'image', 'text', 'color', 'guest', 'alerts']);
export type SourceKind = z.infer<typeof SourceKind>;

/** Edges cut off the source, as fractions (0..1) of its own width/height. */
export const Crop = z.object({
  top: z.number().min(0).max(1),
  right: z.number().min(0).max(1),
  bottom: z.number().min(0).max(1),
  left: z.number().min(0).max(1),
});
export type Crop = z.infer<typeof Crop>;

/**
 * Where a source sits on the canvas, in fractions of the canvas (0..1) so a scene keeps its
 * layout at any output resolution. z-order is the source's index in its scene (0 = bottom).
 */
/** How media fills its box: whole picture letterboxed, box covered (edges cut), or stretched. */
export const FitMode = z.enum(['fit', 'fill', 'stretch']);
export type FitMode = z.infer<typeof FitMode>;

export const Transform = z.object({
  x: z.number(),
  y: z.number(),
  w: z.number().positive(),
  h: z.number().positive(),
  crop: Crop,
  fit: FitMode,
  hidden: z.boolean(),
  locked: z.boolean(),
});
export type Transform = z.infer<typeof Transform>;

export const TextStyle = z.object({
  text: z.string().max(500),
  font: z.string().max(100),
  size: z.number().min(4).max(400),
  color: z.string().max(32),
  outlineColor: z.string().max(32),
  outlineWidth: z.number().min(0).max(40),
});
export type TextStyle = z.infer<typeof TextStyle>;

/** The alerts source (OBS/Streamlabs alerts, built in): what it shows and for how long. */
export const AlertSettings = z.object({
  durationMs: z.number().int().min(1000).max(30_000),
  /** A chime mixed into the program's sound when an alert appears. */
  sound: z.boolean(),
  follow: z.boolean(),
  gift: z.boolean(),
  topGifter: z.boolean(),
});
export type AlertSettings = z.infer<typeof AlertSettings>;

/**
 * Where a source's sound plays: `global` on every scene (OBS's Mic/Aux: the voice stays on air when the
 * picture changes), `scene` only while its scene is on program. Absent: the kind's default (audioScopeOf).
 */
export const AudioScope = z.enum(['global', 'scene']);
export type AudioScope = z.infer<typeof AudioScope>;

export const AudioSettings = z.object({
  gain: z.number().min(0).max(2),
  muted: z.boolean(),
  monitor: z.boolean(),
  scope: AudioScope.optional(),
});
export type AudioSettings = z.infer<typeof AudioSettings>;

const base = { id: z.string().min(1), name: z.string().max(100), transform: Transform };
/** Sources that carry sound get mixer settings. */
const audible = { audio: AudioSettings };

export const Source = z.discriminatedUnion('kind', [
  z.object({ ...base, kind: z.literal('camera'), deviceId: z.string().nullable() }),
  z.object({ ...base, ...audible, kind: z.literal('microphone'), deviceId: z.string().nullable() }),
  z.object({ ...base, ...audible, kind: z.literal('screen') }),
  z.object({ ...base, kind: z.literal('image'), url: z.string().max(8_000_000) }),
  z.object({ ...base, kind: z.literal('text'), style: TextStyle }),
  z.object({ ...base, kind: z.literal('color'), color: z.string().max(32) }),
  z.object({ ...base, kind: z.literal('alerts'), alerts: AlertSettings }),
  z.object({
    ...base,
    ...audible,
    kind: z.literal('guest'),
    userId: z.string(),
    displayName: z.string(),
    /** The live this guest took part in: their slot is cleared when it ends, never carried into a later live. */
    sessionId: z.string().optional(),
  }),
]);
export type Source = z.infer<typeof Source>;
export type SourceOf<K extends SourceKind> = Extract<Source, { kind: K }>;

/** One-click guest layouts (scenes/layouts/arrange.ts); a scene with one reflows as guests come and go. */
export const LayoutKind = z.enum(['solo', 'side-by-side', 'grid', 'pip', 'screen-speakers']);
export type LayoutKind = z.infer<typeof LayoutKind>;

export const Scene = z.object({
  id: z.string().min(1),
  name: z.string().max(100),
  sources: z.array(Source),
  layout: LayoutKind.optional(),
});
export type Scene = z.infer<typeof Scene>;

export const TransitionKind = z.enum(['cut', 'fade']);
export type TransitionKind = z.infer<typeof TransitionKind>;

/** What is saved between runs (via the platform adapter). */
export const SceneCollection = z.object({
  version: z.literal(1),
  scenes: z.array(Scene).min(1),
  programSceneId: z.string(),
  previewSceneId: z.string(),
  transition: z.object({ kind: TransitionKind, durationMs: z.number().int().min(0).max(5000) }),
  studioMode: z.boolean(),
});
export type SceneCollection = z.infer<typeof SceneCollection>;

export function hasAudio(source: Source): source is Extract<Source, { audio: AudioSettings }> {
  return 'audio' in source;
}

/** A microphone is heard on every scene unless asked otherwise; a screen's or a guest's sound follows its picture. */
export function audioScopeOf(source: Extract<Source, { audio: AudioSettings }>): AudioScope {
  return source.audio.scope ?? (source.kind === 'microphone' ? 'global' : 'scene');
}

/** Kinds whose pixels come from a live MediaStream. */
export function isVideoKind(kind: SourceKind): boolean {
  return kind === 'camera' || kind === 'screen' || kind === 'guest';
}
