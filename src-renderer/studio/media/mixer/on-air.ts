import { audioScopeOf, hasAudio, type AudioSettings, type Scene, type Source } from '../../scenes/model/types.js';

export type AudibleSource = Extract<Source, { audio: AudioSettings }>;

/**
 * The sources whose sound reaches the program: every global audio source of every scene (a microphone
 * stays on air when the streamer cuts to a screen-share scene), plus the program scene's own visible
 * scene-only sources. Each source once, in scene order.
 */
export function audibleOnAir(scenes: readonly Scene[], programSceneId: string): AudibleSource[] {
  const seen = new Set<string>();
  const out: AudibleSource[] = [];
  for (const scene of scenes) {
    for (const source of scene.sources) {
      if (!hasAudio(source) || seen.has(source.id)) continue;
      const global = audioScopeOf(source) === 'global';
      if (global || (scene.id === programSceneId && !source.transform.hidden)) {
        seen.add(source.id);
        out.push(source);
      }
    }
  }
  return out;
}
