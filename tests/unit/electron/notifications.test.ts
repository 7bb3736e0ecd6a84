import { describe, expect, it } from 'vitest';
import { MAX_PER_MINUTE, registerNotificationsIpc } from '../../../src-main/features/notifications/ipc.js';
import { call, fakeRouter, foreignFrame, valueOf } from './support/fake-ipc.js';

function setup(options: { supported?: boolean; focused?: boolean } = {}) {
  const shown: Array<{ title: string; body: string; click: () => void }> = [];
  const opened: string[] = [];
  const state = { focused: options.focused ?? false, now: 1_000_000, focusedCalls: 0 };
  const { ipc, router } = fakeRouter();
  registerNotificationsIpc(router, {
    isSupported: () => options.supported ?? true,
    isWindowFocused: () => state.focused,
    show: (n, onClick) => void shown.push({ ...n, click: onClick }),
    focusWindow: () => void state.focusedCalls++,
    openExternal: async (url) => void opened.push(url),
    now: () => state.now,
  });
  return { ipc, shown, opened, state };
}

const live = { title: 'Awa is live now', body: 'Griot evening', url: 'http://127.0.0.1:3001/watch/abc' };

describe('desktop notifications (main)', () => {
  it('shows one when the studio is behind other windows; a click brings the studio forward and opens the live in the browser', async () => {
    const { ipc, shown, opened, state } = setup();
    expect(valueOf(await call(ipc, 'notifications:show', live))).toEqual({ shown: true });
    expect(shown).toHaveLength(1);
    expect(shown[0]).toMatchObject({ title: 'Awa is live now', body: 'Griot evening' });
    shown[0]?.click();
    expect(state.focusedCalls).toBe(1);
    expect(opened).toEqual(['http://127.0.0.1:3001/watch/abc']);
  });

  it('stays quiet when the studio is in front (its toast says it) or the OS has no notifications', async () => {
    const focused = setup({ focused: true });
    expect(valueOf(await call(focused.ipc, 'notifications:show', live))).toEqual({ shown: false });
    expect(focused.shown).toHaveLength(0);
    const unsupported = setup({ supported: false });
    expect(valueOf(await call(unsupported.ipc, 'notifications:show', live))).toEqual({ shown: false });
    expect(unsupported.shown).toHaveLength(0);
  });

  it(`shows at most ${MAX_PER_MINUTE} a minute, then again once the minute has passed`, async () => {
    const { ipc, shown, state } = setup();
    const replies = [];
    for (let i = 0; i < MAX_PER_MINUTE + 3; i++) replies.push(valueOf(await call(ipc, 'notifications:show', { ...live, body: `live ${i}` })).shown);
    expect(replies).toEqual([...Array(MAX_PER_MINUTE).fill(true), false, false, false]);
    state.now += 60_001;
    expect(valueOf(await call(ipc, 'notifications:show', live))).toEqual({ shown: true });
    expect(shown).toHaveLength(MAX_PER_MINUTE + 1);
  });

  it('refuses bad requests and other origins; a click never opens a non-http link', async () => {
    const { ipc, shown, opened } = setup();
    for (const bad of [{ title: '', body: '', url: null }, { title: 'x'.repeat(201), body: '', url: null }, { ...live, url: 'file:///etc/passwd' }, { ...live, extra: 1 }]) {
      const reply = await call(ipc, 'notifications:show', bad);
      expect(reply.ok).toBe(false);
    }
    const foreign = await call(ipc, 'notifications:show', live, { frame: foreignFrame() });
    expect(foreign.ok).toBe(false);
    expect(shown).toHaveLength(0);
    expect(valueOf(await call(ipc, 'notifications:show', { ...live, url: null }))).toEqual({ shown: true });
    shown[0]?.click();
    expect(opened).toEqual([]);
  });
});
