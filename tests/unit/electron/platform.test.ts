import { describe, expect, it } from 'vitest';
import { createCaptureService, type GetSources, type SourceLike } from '../../../src-main/features/capture/service.js';
import { registerCaptureIpc } from '../../../src-main/features/capture/ipc.js';
import { ensureMacMediaAccess, screenAccessRefusal, type MediaAccessStatus, type OsMediaAccess } from '../../../src-main/features/platform/mac-media.js';
import { offerReload, shouldOfferReload } from '../../../src-main/features/platform/crash.js';
import { onSecondInstance, type RestorableWindow } from '../../../src-main/features/platform/second-instance.js';
import { systemPicksCaptureSource } from '../../../src-main/features/platform/wayland.js';
import { call, fakeRouter, valueOf } from './support/fake-ipc.js';

/** macOS's privacy database as a table; `ask` records the prompts shown and answers from `answers`. */
function macAccess(statuses: Partial<Record<'camera' | 'microphone' | 'screen', MediaAccessStatus>>, answers: Record<string, boolean> = {}) {
  const asked: string[] = [];
  const access: OsMediaAccess = {
    status: (type) => statuses[type] ?? 'not-determined',
    ask: async (type) => {
      asked.push(type);
      return answers[type] ?? false;
    },
  };
  return { access, asked };
}

describe('macOS camera and microphone access', () => {
  it('asks macOS for each device not yet decided, before granting getUserMedia', async () => {
    const { access, asked } = macAccess({}, { camera: true, microphone: true });
    expect(await ensureMacMediaAccess(['video', 'audio'], access)).toBe(true);
    expect(asked).toEqual(['camera', 'microphone']);
  });

  it('does not ask again once granted', async () => {
    const { access, asked } = macAccess({ camera: 'granted', microphone: 'granted' });
    expect(await ensureMacMediaAccess(['video', 'audio', 'audio'], access)).toBe(true);
    expect(asked).toEqual([]);
  });

  it('refuses when the user said no now or earlier (a black, silent device otherwise)', async () => {
    expect(await ensureMacMediaAccess(['audio'], macAccess({}, { microphone: false }).access)).toBe(false);
    const denied = macAccess({ camera: 'denied' });
    expect(await ensureMacMediaAccess(['video'], denied.access)).toBe(false);
    expect(denied.asked).toEqual([]);
    expect(await ensureMacMediaAccess(['video'], macAccess({ camera: 'restricted' }).access)).toBe(false);
  });

  it('checks screen-recording access before listing screens, with the way out in words', async () => {
    expect(screenAccessRefusal('granted')).toBeNull();
    expect(screenAccessRefusal('not-determined')).toBeNull(); // macOS shows its own prompt on first capture
    expect(screenAccessRefusal('denied')).toMatch(/System Settings › Privacy & Security › Screen Recording/);
    let listed = 0;
    const getSources: GetSources = async () => {
      listed++;
      return [];
    };
    const capture = createCaptureService(getSources, 'darwin', { screenAccessRefusal: () => screenAccessRefusal('denied') });
    const { ipc, router } = fakeRouter();
    registerCaptureIpc(router, capture);
    const result = await call(ipc, 'capture:listSources', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(listed).toBe(0);
  });
});

describe('Wayland: the portal picks the source', () => {
  it('detects a Wayland session', () => {
    expect(systemPicksCaptureSource('linux', { XDG_SESSION_TYPE: 'wayland' })).toBe(true);
    expect(systemPicksCaptureSource('linux', { XDG_SESSION_TYPE: 'x11', WAYLAND_DISPLAY: 'wayland-0' })).toBe(false);
    expect(systemPicksCaptureSource('linux', { WAYLAND_DISPLAY: 'wayland-0' })).toBe(true);
    expect(systemPicksCaptureSource('linux', {})).toBe(false);
    expect(systemPicksCaptureSource('darwin', { XDG_SESSION_TYPE: 'wayland' })).toBe(false);
  });

  it('tells the studio to skip its own picker', async () => {
    const portalPick: SourceLike = { id: 'screen:0:0', name: 'Screen', display_id: '', thumbnail: { toDataURL: () => 'data:,' }, appIcon: null };
    const capture = createCaptureService(async () => [portalPick], 'linux', { pickedBySystem: true });
    const { ipc, router } = fakeRouter();
    registerCaptureIpc(router, capture);
    expect(valueOf(await call(ipc, 'capture:listSources', {}))).toMatchObject({ pickedBySystem: true, sources: [{ id: 'screen:0:0' }] });
  });
});

describe('a crashed studio page', () => {
  it('offers a reload for every reason but a clean exit', () => {
    for (const reason of ['crashed', 'oom', 'killed', 'abnormal-exit', 'launch-failed', 'integrity-failure', 'memory-eviction']) {
      expect(shouldOfferReload(reason)).toBe(true);
    }
    expect(shouldOfferReload('clean-exit')).toBe(false);
  });

  it('reloads on the first button, quits on the second, in the user language', async () => {
    const done: string[] = [];
    const prompt = (choice: number) => ({
      ask: async (m: { message: string; buttons: string[] }) => {
        done.push(`${m.message}|${m.buttons.join('/')}`);
        return choice;
      },
      reload: () => done.push('reload'),
      quit: () => done.push('quit'),
    });
    await offerReload('crashed', prompt(0), 'en');
    await offerReload('oom', prompt(1), 'fr');
    await offerReload('clean-exit', prompt(0), 'en');
    expect(done).toEqual([
      'The studio stopped unexpectedly.|Reload/Quit',
      'reload',
      'Le studio s’est arrêté de façon inattendue.|Recharger/Quitter',
      'quit',
    ]);
  });
});

describe('a second launch', () => {
  const windowLike = (minimized: boolean) => {
    const calls: string[] = [];
    const window: RestorableWindow = {
      isDestroyed: () => false,
      isMinimized: () => minimized,
      restore: () => calls.push('restore'),
      show: () => calls.push('show'),
      focus: () => calls.push('focus'),
    };
    return { window, calls };
  };

  it('brings the open studio forward, restoring it when minimized', () => {
    const { window, calls } = windowLike(true);
    expect(onSecondInstance(window, () => calls.push('open'))).toBe('focused');
    expect(calls).toEqual(['restore', 'show', 'focus']);
  });

  it('opens a window when none is left (macOS keeps the app running without one)', () => {
    const opened: string[] = [];
    expect(onSecondInstance(null, () => opened.push('open'))).toBe('opened');
    expect(opened).toEqual(['open']);
  });
});
