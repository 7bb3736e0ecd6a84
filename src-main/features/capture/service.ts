import type { CaptureSource } from '../../../protocol/ipc.js';
import { ipcFail } from '../../ipc/errors.js';

/** The slice of a DesktopCapturerSource we read. */
export interface SourceLike {
  id: string;
  name: string;
  display_id: string;
  thumbnail: { toDataURL(): string };
  appIcon: { toDataURL(): string; isEmpty(): boolean } | null;
}

/** desktopCapturer.getSources, as a port. */
export type GetSources = (options: {
  types: Array<'screen' | 'window'>;
  thumbnailSize: { width: number; height: number };
  fetchWindowIcons: boolean;
}) => Promise<SourceLike[]>;

/** What getDisplayMedia is granted: Electron's `Streams` with a desktop source. */
export interface Grant {
  video: { id: string; name: string };
  audio?: 'loopback';
}

interface Selection {
  id: string;
  name: string;
  systemAudio: boolean;
}

export interface CaptureService {
  /** The OS chose the source in its own dialog (Wayland portal): the studio must not ask again. */
  readonly pickedBySystem: boolean;
  listSources(ownerId: number, kinds: Array<'screen' | 'window'>, thumbnailWidth: number): Promise<CaptureSource[]>;
  select(ownerId: number, sourceId: string, systemAudio: boolean): { sourceId: string; audio: 'loopback' | 'none' };
  clear(ownerId: number): void;
  /** Consumes the window's pick for one getDisplayMedia() call; null (deny) when nothing was picked. */
  grant(ownerId: number, request: { audioRequested: boolean }): Grant | null;
  forget(ownerId: number): void;
}

/** System audio with a screen share ("loopback") exists on Windows only. */
export const supportsSystemAudio = (platform: NodeJS.Platform): boolean => platform === 'win32';

const kindOf = (id: string): 'screen' | 'window' => (id.startsWith('screen:') ? 'screen' : 'window');

/**
 * Our own screen-source picker, main side: the renderer lists sources, the user picks one, the
 * renderer records the pick, then getDisplayMedia() is answered with exactly that source.
 * A pick must be one of the sources this window was shown.
 */
export interface CaptureOptions {
  /** Why the OS refuses screen capture (macOS privacy settings), or null; checked before every listing. */
  screenAccessRefusal?: () => string | null;
  pickedBySystem?: boolean;
}

export function createCaptureService(getSources: GetSources, platform: NodeJS.Platform, options: CaptureOptions = {}): CaptureService {
  const shown = new Map<number, Map<string, string>>();
  const picks = new Map<number, Selection>();
  const loopback = supportsSystemAudio(platform);

  return {
    pickedBySystem: options.pickedBySystem ?? false,
    async listSources(ownerId, kinds, thumbnailWidth) {
      const refusal = options.screenAccessRefusal?.();
      if (refusal) throw ipcFail.forbidden(refusal);
      const thumbnailSize = { width: thumbnailWidth, height: Math.round((thumbnailWidth * 9) / 16) };
      const sources = await getSources({ types: kinds, thumbnailSize, fetchWindowIcons: true });
      shown.set(ownerId, new Map(sources.map((s) => [s.id, s.name])));
      return sources.map((s) => ({
        id: s.id,
        name: s.name,
        kind: kindOf(s.id),
        displayId: s.display_id,
        thumbnailDataUrl: s.thumbnail.toDataURL(),
        appIconDataUrl: s.appIcon && !s.appIcon.isEmpty() ? s.appIcon.toDataURL() : null,
      }));
    },
    select(ownerId, sourceId, systemAudio) {
      const name = shown.get(ownerId)?.get(sourceId);
      if (name === undefined) throw ipcFail.notFound('Unknown capture source: list the sources again');
      const audio = systemAudio && loopback;
      picks.set(ownerId, { id: sourceId, name, systemAudio: audio });
      return { sourceId, audio: audio ? 'loopback' : 'none' };
    },
    clear(ownerId) {
      picks.delete(ownerId);
    },
    grant(ownerId, request) {
      const pick = picks.get(ownerId);
      if (!pick) return null;
      picks.delete(ownerId);
      const video = { id: pick.id, name: pick.name };
      return pick.systemAudio && request.audioRequested ? { video, audio: 'loopback' } : { video };
    },
    forget(ownerId) {
      shown.delete(ownerId);
      picks.delete(ownerId);
    },
  };
}
