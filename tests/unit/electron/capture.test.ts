import { describe, expect, it } from 'vitest';
import { createCaptureService, type GetSources, type SourceLike } from '../../../src-main/features/capture/service.js';
import { registerCaptureIpc } from '../../../src-main/features/capture/ipc.js';
import { call, fakeRouter, valueOf } from './support/fake-ipc.js';

const image = (tag: string) => ({ toDataURL: () => `data:image/png;base64,${tag}`, isEmpty: () => tag === '' });
const screen: SourceLike = { id: 'screen:1:0', name: 'Entire screen', display_id: '1', thumbnail: image('s'), appIcon: null };
const editor: SourceLike = { id: 'window:42:0', name: 'Editor', display_id: '', thumbnail: image('w'), appIcon: image('i') };

function setup(platform: NodeJS.Platform = 'linux') {
  const requests: Parameters<GetSources>[0][] = [];
  const getSources: GetSources = async (options) => {
    requests.push(options);
    return [screen, editor];
  };
  const capture = createCaptureService(getSources, platform);
  const { ipc, router } = fakeRouter();
  registerCaptureIpc(router, capture);
  return { capture, ipc, requests };
}

describe('screen-source picker', () => {
  it('lists sources with thumbnails as data URLs', async () => {
    const { ipc, requests } = setup();
    const { sources } = valueOf(await call(ipc, 'capture:listSources', { thumbnailWidth: 640 }));
    expect(sources).toEqual([
      { id: 'screen:1:0', name: 'Entire screen', kind: 'screen', displayId: '1', thumbnailDataUrl: 'data:image/png;base64,s', appIconDataUrl: null },
      { id: 'window:42:0', name: 'Editor', kind: 'window', displayId: '', thumbnailDataUrl: 'data:image/png;base64,w', appIconDataUrl: 'data:image/png;base64,i' },
    ]);
    expect(requests[0]).toEqual({ types: ['screen', 'window'], thumbnailSize: { width: 640, height: 360 }, fetchWindowIcons: true });
  });

  it('grants getDisplayMedia exactly the picked source, once', async () => {
    const { ipc, capture } = setup();
    await call(ipc, 'capture:listSources', {}, { senderId: 5 });
    expect(valueOf(await call(ipc, 'capture:selectSource', { sourceId: 'window:42:0' }, { senderId: 5 }))).toEqual({
      sourceId: 'window:42:0',
      audio: 'none',
    });
    expect(capture.grant(5, { audioRequested: true })).toEqual({ video: { id: 'window:42:0', name: 'Editor' } });
    expect(capture.grant(5, { audioRequested: true })).toBeNull();
  });

  it('denies getDisplayMedia when nothing was picked, or after the pick is cleared', async () => {
    const { ipc, capture } = setup();
    expect(capture.grant(1, { audioRequested: false })).toBeNull();
    await call(ipc, 'capture:listSources', {});
    await call(ipc, 'capture:selectSource', { sourceId: 'screen:1:0' });
    valueOf(await call(ipc, 'capture:clearSelection', {}));
    expect(capture.grant(1, { audioRequested: false })).toBeNull();
  });

  it('refuses a source the window was never shown', async () => {
    const { ipc } = setup();
    expect(await call(ipc, 'capture:selectSource', { sourceId: 'screen:1:0' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    await call(ipc, 'capture:listSources', {}, { senderId: 1 });
    expect(await call(ipc, 'capture:selectSource', { sourceId: 'screen:1:0' }, { senderId: 2 })).toMatchObject({ ok: false });
  });

  it('adds system audio (loopback) on Windows only', async () => {
    for (const [platform, expected] of [['win32', 'loopback'], ['darwin', 'none'], ['linux', 'none']] as const) {
      const { ipc, capture } = setup(platform);
      await call(ipc, 'capture:listSources', {});
      expect(valueOf(await call(ipc, 'capture:selectSource', { sourceId: 'screen:1:0', systemAudio: true })).audio).toBe(expected);
      const grant = capture.grant(1, { audioRequested: true });
      expect(grant?.audio, platform).toBe(expected === 'loopback' ? 'loopback' : undefined);
    }
  });

  it('rejects malformed requests', async () => {
    const { ipc } = setup();
    expect(await call(ipc, 'capture:listSources', { kinds: ['camera'] })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await call(ipc, 'capture:listSources', { thumbnailWidth: 1e6 })).toMatchObject({ ok: false });
  });
});
