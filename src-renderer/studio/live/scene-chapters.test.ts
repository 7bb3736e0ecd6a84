import { describe, expect, it } from 'vitest';
import { programChapter } from './scene-chapters.js';

describe('the chapter the studio tells the relay', () => {
  const scenes = [{ id: 'a', name: 'Intro' }, { id: 'b', name: '  ' }];

  it('is the program scene’s name while live', () => {
    expect(programChapter({ scenes, programSceneId: 'a' }, 'live-1')).toEqual({ sessionId: 'live-1', sceneId: 'a', title: 'Intro' });
  });

  it('is nothing off air, for a scene without a name, or for a program scene that is gone', () => {
    expect(programChapter({ scenes, programSceneId: 'a' }, null)).toBeNull();
    expect(programChapter({ scenes, programSceneId: 'b' }, 'live-1')).toBeNull();
    expect(programChapter({ scenes, programSceneId: 'gone' }, 'live-1')).toBeNull();
  });
});
