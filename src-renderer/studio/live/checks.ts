import type { SessionType } from '../../../protocol/sessions.js';
import type { StringKey } from '../../shared/i18n/index.js';
import { audibleOnAir } from '../media/mixer/on-air.js';
import type { Scene } from '../scenes/model/types.js';

export type PreLiveCheck = 'title' | 'empty' | 'camera' | 'microphone' | 'muted';

export const CHECK_TEXT: Record<PreLiveCheck, StringKey> = {
  title: 'studio.check.title',
  empty: 'studio.check.empty',
  camera: 'studio.check.camera',
  microphone: 'studio.check.microphone',
  muted: 'studio.check.muted',
};

export interface PreLiveInput {
  title: string;
  type: SessionType;
  scenes: readonly Scene[];
  programSceneId: string;
  /** Whether a source's media is open now (a camera that failed or was unplugged has none). */
  hasMedia: (sourceId: string) => boolean;
}

/**
 * What looks wrong before going live, as OBS/StreamYard users would want to hear it. Advice only: the
 * streamer may start anyway (a screen-only or silent live is sometimes exactly what is wanted).
 */
export function preLiveChecks(input: PreLiveInput): PreLiveCheck[] {
  const out: PreLiveCheck[] = [];
  if (!input.title.trim()) out.push('title');
  const program = input.scenes.find((s) => s.id === input.programSceneId);
  const visible = (program?.sources ?? []).filter((s) => !s.transform.hidden);
  if (input.type !== 'audio' && visible.length === 0) out.push('empty');
  const cameras = visible.filter((s) => s.kind === 'camera');
  if (input.type === 'video' && (cameras.length === 0 || !cameras.some((c) => input.hasMedia(c.id)))) out.push('camera');
  const audible = audibleOnAir(input.scenes, input.programSceneId);
  const mics = audible.filter((s) => s.kind === 'microphone');
  if (mics.length === 0) out.push('microphone');
  else if (mics.every((m) => m.audio.muted || m.audio.gain === 0)) out.push('muted');
  return out;
}
