import { describe, expect, it } from 'vitest';
import { makeSource } from '../scenes/model/defaults.js';
import type { Scene, SourceOf } from '../scenes/model/types.js';
import { preLiveChecks, type PreLiveInput } from './checks.js';

const camera = makeSource('cam', 'camera', 'Camera');
const mic = makeSource('mic', 'microphone', 'Mic') as SourceOf<'microphone'>;
const scene = (sources: Scene['sources']): Scene[] => [{ id: 's', name: 'Scene', sources }];
const input = (over: Partial<PreLiveInput>): PreLiveInput => ({
  title: 'My show',
  type: 'video',
  scenes: scene([camera, mic]),
  programSceneId: 's',
  hasMedia: () => true,
  ...over,
});

describe('preLiveChecks', () => {
  it('finds nothing wrong with a titled camera-and-microphone scene', () => {
    expect(preLiveChecks(input({}))).toEqual([]);
  });
  it('names a missing title, an empty scene, no camera and no microphone', () => {
    expect(preLiveChecks(input({ title: '  ', scenes: scene([]) }))).toEqual(['title', 'empty', 'camera', 'microphone']);
  });
  it('a camera whose device is off counts as no camera; a muted microphone is named', () => {
    const muted = { ...mic, audio: { ...mic.audio, muted: true } };
    expect(preLiveChecks(input({ scenes: scene([camera, muted]), hasMedia: () => false }))).toEqual(['camera', 'muted']);
  });
  it('an audio-only live needs no camera, a screen live no camera either', () => {
    expect(preLiveChecks(input({ type: 'audio', scenes: scene([mic]) }))).toEqual([]);
    expect(preLiveChecks(input({ type: 'screen', scenes: scene([makeSource('scr', 'screen', 'Screen'), mic]) }))).toEqual([]);
  });
});
