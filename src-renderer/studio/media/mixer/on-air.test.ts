import { describe, expect, it } from 'vitest';
import { makeSource } from '../../scenes/model/defaults.js';
import type { Scene, SourceOf } from '../../scenes/model/types.js';
import { audibleOnAir } from './on-air.js';

const mic = makeSource('mic', 'microphone', 'Mic') as SourceOf<'microphone'>;
const screen = makeSource('screen', 'screen', 'Screen');
const camera = makeSource('cam', 'camera', 'Camera');
const talking: Scene = { id: 'talking', name: 'Talking', sources: [camera, mic] };
const sharing: Scene = { id: 'sharing', name: 'Sharing', sources: [screen] };

describe('audibleOnAir', () => {
  it('keeps a microphone on air when the program cuts to a scene without it', () => {
    expect(audibleOnAir([talking, sharing], 'sharing').map((s) => s.id)).toEqual(['mic', 'screen']);
  });
  it("plays a screen's sound only while its scene is on program", () => {
    expect(audibleOnAir([talking, sharing], 'talking').map((s) => s.id)).toEqual(['mic']);
  });
  it('follows the scene when the microphone is made scene-only', () => {
    const sceneMic = { ...mic, audio: { ...mic.audio, scope: 'scene' as const } };
    const scenes = [{ ...talking, sources: [camera, sceneMic] }, sharing];
    expect(audibleOnAir(scenes, 'sharing').map((s) => s.id)).toEqual(['screen']);
    expect(audibleOnAir(scenes, 'talking').map((s) => s.id)).toEqual(['mic']);
  });
  it('hiding a scene-only source silences it; a global one stays (it is muted in the mixer)', () => {
    const hidden = { ...screen, transform: { ...screen.transform, hidden: true } };
    const hiddenMic = { ...mic, transform: { ...mic.transform, hidden: true } };
    expect(audibleOnAir([{ ...sharing, sources: [hidden, hiddenMic] }], 'sharing').map((s) => s.id)).toEqual(['mic']);
  });
});
