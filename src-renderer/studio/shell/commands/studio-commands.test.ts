import { describe, expect, it } from 'vitest';
import { bindStudioCommands, StudioCommands, type CommandTargets } from './studio-commands.js';
import { makeStore } from '../../../../tests/unit/studio/make-store.js';

/** The real store and command runner; recording and saving record what they were asked. */
function setup(options: { onAir?: boolean; saveFails?: boolean; recordFails?: boolean } = {}) {
  const store = makeStore();
  const commands = new StudioCommands();
  const notices: string[] = [];
  commands.onNotice((text) => notices.push(text));
  const calls: string[] = [];
  let recording = false;
  const targets: CommandTargets = {
    store,
    isOnAir: () => options.onAir ?? false,
    saveScenes: async () => {
      calls.push(`save:${store.getState().collection().scenes.length}`);
      if (options.saveFails) throw new Error('disk full');
    },
    recording: {
      isActive: () => recording,
      start: async () => {
        if (options.recordFails) throw new Error('no codec');
        recording = true;
        calls.push('record:start');
      },
      stop: () => {
        recording = false;
        calls.push('record:stop');
      },
    },
    openSettings: () => calls.push('settings'),
    text: {
      newSceneName: () => 'Scene',
      scenesSaved: () => 'saved',
      saveFailed: (m) => `save failed: ${m}`,
      recordFailed: (m) => `record failed: ${m}`,
    },
  };
  const off = bindStudioCommands(commands, targets);
  return { store, commands, notices, calls, off };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('menu commands reach the studio', () => {
  it('New Scene adds a scene and shows it on program (off air)', () => {
    const { store, commands } = setup();
    const before = store.getState().scenes.length;
    commands.run('scene:new');
    const state = store.getState();
    expect(state.scenes).toHaveLength(before + 1);
    expect(state.programSceneId).toBe(state.scenes.at(-1)?.id);
  });

  it('New Scene on air waits in preview (studio mode) instead of replacing what viewers see', () => {
    const { store, commands } = setup({ onAir: true });
    const program = store.getState().programSceneId;
    commands.run('scene:new');
    const state = store.getState();
    expect(state.studioMode).toBe(true);
    expect(state.programSceneId).toBe(program);
    expect(state.previewSceneId).toBe(state.scenes.at(-1)?.id);
  });

  it('Save writes the collection now and says so; a failed write says why', async () => {
    const ok = setup();
    ok.commands.run('scene:save');
    await settle();
    expect(ok.calls).toEqual(['save:1']);
    expect(ok.notices).toEqual(['saved']);
    const failing = setup({ saveFails: true });
    failing.commands.run('scene:save');
    await settle();
    expect(failing.notices).toEqual(['save failed: disk full']);
  });

  it('Studio Mode toggles studio mode', () => {
    const { store, commands } = setup();
    commands.run('studio-mode:toggle');
    expect(store.getState().studioMode).toBe(true);
    commands.run('studio-mode:toggle');
    expect(store.getState().studioMode).toBe(false);
  });

  it('Record starts, then stops, a recording; a refused start is shown', async () => {
    const { commands, calls } = setup();
    commands.run('recording:toggle');
    await settle();
    commands.run('recording:toggle');
    expect(calls).toEqual(['record:start', 'record:stop']);
    const failing = setup({ recordFails: true });
    failing.commands.run('recording:toggle');
    await settle();
    expect(failing.notices).toEqual(['record failed: no codec']);
  });

  it('Settings opens the settings', () => {
    const { commands, calls } = setup();
    commands.run('settings:open');
    expect(calls).toEqual(['settings']);
  });

  it('unbinding stops every command', () => {
    const { store, commands, off } = setup();
    off();
    commands.run('studio-mode:toggle');
    expect(store.getState().studioMode).toBe(false);
  });
});
