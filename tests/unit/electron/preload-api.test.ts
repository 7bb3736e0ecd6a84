import { describe, expect, it } from 'vitest';
import { createStudioApi, type IpcBridge } from '../../../src-preload/api.js';
import { channels, events } from '../../../protocol/ipc.js';

/** Records what the preload would send over ipcRenderer. */
function recordingBridge() {
  const invoked: Array<{ channel: string; request: unknown }> = [];
  const subscribed: string[] = [];
  const listeners = new Map<string, (payload: unknown) => void>();
  const bridge: IpcBridge = {
    invoke: async (channel, request) => {
      invoked.push({ channel, request });
      return { ok: true, value: null };
    },
    on: (event, listener) => {
      subscribed.push(event);
      listeners.set(event, listener);
      return () => listeners.delete(event);
    },
  };
  return { bridge, invoked, subscribed, listeners };
}

describe('window.studio API', () => {
  it('reaches every channel of the map, and only those', async () => {
    const { bridge, invoked } = recordingBridge();
    const api = createStudioApi(bridge);
    await Promise.all([
      api.app.info(),
      api.app.openExternal('https://afritok.example'),
      api.settings.get(),
      api.settings.update({ language: 'fr' }),
      api.auth.getToken(),
      api.auth.setToken('t'),
      api.auth.clearToken(),
      api.auth.persistence(),
      api.scenes.list(),
      api.scenes.load('Main'),
      api.scenes.save('Main', { scenes: [] }),
      api.scenes.remove('Main'),
      api.capture.listSources(),
      api.capture.selectSource('screen:1:0', true),
      api.capture.clearSelection(),
      api.recordings.chooseFolder(),
      api.recordings.open('show'),
      api.recordings.append('id', new Uint8Array([1])),
      api.recordings.close('id'),
      api.recordings.showFolder(),
      api.notifications.show({ title: 'Awa is live now', body: 'Griot evening', url: 'http://127.0.0.1:3001/watch/abc' }),
    ]);
    expect(new Set(invoked.map((i) => i.channel))).toEqual(new Set(Object.keys(channels)));
    // Each request the preload sends passes main's schema.
    for (const { channel, request } of invoked) {
      expect(channels[channel as keyof typeof channels].request.safeParse(request).success, channel).toBe(true);
    }
  });

  it('subscribes to main’s events and unsubscribes', () => {
    const { bridge, subscribed, listeners } = recordingBridge();
    const api = createStudioApi(bridge);
    const seen: unknown[] = [];
    const off = api.app.onMenuCommand((payload) => seen.push(payload.command));
    api.settings.onChanged(() => undefined);
    expect(new Set(subscribed)).toEqual(new Set(Object.keys(events)));
    listeners.get('menu:command')?.({ command: 'live:toggle' });
    expect(seen).toEqual(['live:toggle']);
    off();
    expect(listeners.has('menu:command')).toBe(false);
  });
});
