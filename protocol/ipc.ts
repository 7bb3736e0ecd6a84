/**
 * The one map of every IPC channel between the studio renderer (through the preload) and main.
 * Main parses every request with `request` before any work; `response` types the reply (and tests
 * parse replies with it). Events flow the other way (main → renderer) and are listed in `events`.
 *
 * It lives in protocol/ because main, the preload and the renderer all import it; it must stay free of
 * Node and Electron imports: the preload and the renderer's type check
 * (tsconfig.web.json) read it too.
 */
import { z } from 'zod';

// ── shared shapes ──────────────────────────────────────────────────────────────────────────────

export const Language = z.enum(['en', 'fr']);
export type Language = z.infer<typeof Language>;

/** An http(s) URL without credentials; the relay's base address. */
export const HttpUrl = z
  .string()
  .max(2048)
  .refine((s) => {
    try {
      const u = new URL(s);
      return (u.protocol === 'http:' || u.protocol === 'https:') && !u.username && !u.password;
    } catch {
      return false;
    }
  }, 'an http(s) URL without credentials');

/** What settings.json in the user data folder holds. */
export const Settings = z.object({
  relayUrl: HttpUrl,
  language: Language,
  /** Absolute folder chosen by the user in a dialog; null until chosen (recordings then go to Videos). */
  recordingsFolder: z.string().min(1).nullable(),
});
export type Settings = z.infer<typeof Settings>;

/** What main answers: the settings in effect, and whether AFRITOK_RELAY_URL overrides the saved relay for this run. */
export const SettingsView = Settings.extend({ relayUrlOverridden: z.boolean() });
export type SettingsView = z.infer<typeof SettingsView>;

/** What the renderer may change directly. The recordings folder changes only through the dialog. */
export const SettingsPatch = z.strictObject({
  relayUrl: HttpUrl.optional(),
  language: Language.optional(),
});
export type SettingsPatch = z.infer<typeof SettingsPatch>;

/** A scene collection's name: also its file name, so a narrow character set. */
export const CollectionName = z
  .string()
  .regex(/^[\p{L}\p{N}_-](?:[\p{L}\p{N} _-]{0,62}[\p{L}\p{N}_-])?$/u, '1 to 64 letters, digits, spaces, _ or -')
  // Windows device names cannot be file names, whatever their extension.
  .refine((s) => !/^(con|prn|aux|nul|com\d|lpt\d)$/i.test(s), 'a reserved name');

export const SceneCollection = z.object({
  name: CollectionName,
  savedAt: z.string(),
  /** The renderer's own scene model; it parses this with its schema after loading. */
  data: z.json(),
});
export type SceneCollection = z.infer<typeof SceneCollection>;

export const CaptureSourceKind = z.enum(['screen', 'window']);
export const CaptureSource = z.object({
  id: z.string(),
  name: z.string(),
  kind: CaptureSourceKind,
  displayId: z.string(),
  /** PNG data URL of the source's thumbnail. */
  thumbnailDataUrl: z.string(),
  appIconDataUrl: z.string().nullable(),
});
export type CaptureSource = z.infer<typeof CaptureSource>;

export const RecordingName = z.string().min(1).max(200);
/** One streamed chunk; MediaRecorder slices are far smaller. */
export const MAX_CHUNK_BYTES = 16 * 1024 * 1024;
export const Chunk = z
  .custom<Uint8Array>((v) => v instanceof Uint8Array, 'expected bytes (Uint8Array)')
  .refine((b) => b.byteLength <= MAX_CHUNK_BYTES, 'chunk too large');

export const AppInfo = z.object({
  name: z.string(),
  version: z.string(),
  platform: z.string(),
  versions: z.object({ electron: z.string(), chrome: z.string(), node: z.string() }),
  /** True where getDisplayMedia can include system audio (`audio: 'loopback'`): Windows only. */
  systemAudioCapture: z.boolean(),
  relayUrl: HttpUrl,
});
export type AppInfo = z.infer<typeof AppInfo>;

const None = z.strictObject({});
const Void = z.null();

// ── request/response channels (renderer invokes, main handles) ─────────────────────────────────

export const channels = {
  'app:info': { request: None, response: AppInfo },
  'app:openExternal': { request: z.strictObject({ url: HttpUrl }), response: Void },

  'settings:get': { request: None, response: SettingsView },
  'settings:update': { request: SettingsPatch, response: SettingsView },

  'auth:getToken': { request: None, response: z.object({ token: z.string().nullable() }) },
  /** `persisted: false` when the OS offers no encryption: the token then lives in memory only. */
  'auth:setToken': {
    request: z.strictObject({ token: z.string().min(1).max(4096) }),
    response: z.object({ persisted: z.boolean() }),
  },
  'auth:clearToken': { request: None, response: Void },
  /** Whether a sign-in survives a restart; not on Linux without a keyring (the studio says why). */
  'auth:persistence': {
    request: None,
    response: z.discriminatedUnion('persistent', [
      z.object({ persistent: z.literal(true) }),
      z.object({ persistent: z.literal(false), reason: z.enum(['no-keyring']) }),
    ]),
  },

  'scenes:list': { request: None, response: z.object({ names: z.array(CollectionName) }) },
  'scenes:load': { request: z.strictObject({ name: CollectionName }), response: SceneCollection.nullable() },
  'scenes:save': {
    request: z.strictObject({ name: CollectionName, data: z.json() }),
    response: SceneCollection,
  },
  'scenes:delete': { request: z.strictObject({ name: CollectionName }), response: Void },

  'capture:listSources': {
    request: z.strictObject({
      kinds: z.array(CaptureSourceKind).min(1).max(2).default(['screen', 'window']),
      thumbnailWidth: z.number().int().min(16).max(1920).default(320),
    }),
    /** `pickedBySystem`: the OS's own dialog (Wayland's portal) already chose; the studio skips its picker. */
    response: z.object({ sources: z.array(CaptureSource), pickedBySystem: z.boolean() }),
  },
  /** Records the user's pick; the next getDisplayMedia() in this window is granted that source. */
  'capture:selectSource': {
    request: z.strictObject({ sourceId: z.string().min(1).max(256), systemAudio: z.boolean().default(false) }),
    response: z.object({ sourceId: z.string(), audio: z.enum(['loopback', 'none']) }),
  },
  'capture:clearSelection': { request: None, response: Void },

  'recordings:chooseFolder': { request: None, response: z.object({ folder: z.string().nullable() }) },
  'recordings:open': {
    request: z.strictObject({ name: RecordingName }),
    response: z.object({ id: z.string(), fileName: z.string() }),
  },
  'recordings:append': {
    request: z.strictObject({ id: z.string().min(1).max(64), chunk: Chunk }),
    response: z.object({ bytesWritten: z.number() }),
  },
  'recordings:close': {
    request: z.strictObject({ id: z.string().min(1).max(64) }),
    response: z.object({ fileName: z.string(), path: z.string(), bytes: z.number() }),
  },
  'recordings:showFolder': { request: None, response: Void },

  /**
   * A native desktop notification (a creator the streamer follows went live). `url` opens in the browser
   * when it is clicked. `shown: false` when the OS has none, the studio window is in front (its toast is
   * enough), or too many came at once.
   */
  'notifications:show': {
    request: z.strictObject({ title: z.string().min(1).max(200), body: z.string().max(500), url: HttpUrl.nullable() }),
    response: z.object({ shown: z.boolean() }),
  },
} as const;

export type Channels = typeof channels;
export type ChannelName = keyof Channels;
/** What the renderer passes (defaults may be left out). */
export type RequestOf<C extends ChannelName> = z.input<Channels[C]['request']>;
/** What main's handler receives after parsing. */
export type ParsedRequestOf<C extends ChannelName> = z.output<Channels[C]['request']>;
export type ResponseOf<C extends ChannelName> = z.output<Channels[C]['response']>;

// ── events (main sends, renderer listens) ──────────────────────────────────────────────────────

export const MenuCommand = z.enum([
  'scene:new',
  'scene:save',
  'live:toggle',
  'recording:toggle',
  'settings:open',
  'studio-mode:toggle',
]);
export type MenuCommand = z.infer<typeof MenuCommand>;

export const events = {
  'menu:command': z.object({ command: MenuCommand }),
  'settings:changed': SettingsView,
} as const;
export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

// ── the envelope every invoke resolves to ──────────────────────────────────────────────────────

export const IpcErrorCode = z.enum([
  'invalid_input',
  'forbidden',
  'not_found',
  'cancelled',
  'unavailable',
  'corrupt_file',
  'internal',
]);
export type IpcErrorCode = z.infer<typeof IpcErrorCode>;
export interface IpcError {
  code: IpcErrorCode;
  message: string;
}
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };
