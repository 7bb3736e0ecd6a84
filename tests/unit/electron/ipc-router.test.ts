import { describe, expect, it } from 'vitest';
import { IpcFailure } from '../../../src-main/ipc/errors.js';
import { call, fakeRouter, foreignFrame, studioFrame, subFrame } from './support/fake-ipc.js';

describe('typed IPC router', () => {
  it('wraps a handler result in an ok envelope and passes the parsed request and sender', async () => {
    const { ipc, router } = fakeRouter();
    const seen: unknown[] = [];
    router.handle('capture:selectSource', (request, context) => {
      seen.push(request, context.senderId);
      return { sourceId: request.sourceId, audio: 'none' };
    });
    const result = await call(ipc, 'capture:selectSource', { sourceId: 'screen:1:0' }, { senderId: 7 });
    expect(result).toEqual({ ok: true, value: { sourceId: 'screen:1:0', audio: 'none' } });
    // The schema's default filled systemAudio before the handler ran.
    expect(seen).toEqual([{ sourceId: 'screen:1:0', systemAudio: false }, 7]);
  });

  it('refuses invalid payloads with invalid_input without running the handler', async () => {
    const { ipc, router } = fakeRouter();
    let ran = false;
    router.handle('settings:update', () => {
      ran = true;
      throw new Error('must not run');
    });
    for (const payload of [{ relayUrl: 'javascript:alert(1)' }, { language: 'de' }, { recordingsFolder: '/etc' }, 'x', 42]) {
      const result = await call(ipc, 'settings:update', payload);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('invalid_input');
    }
    expect(ran).toBe(false);
  });

  it('refuses callers that are not our top frame', async () => {
    const { ipc, router } = fakeRouter();
    let ran = 0;
    router.handle('auth:getToken', () => {
      ran++;
      return { token: 'secret' };
    });
    const senders = [subFrame(), foreignFrame(), foreignFrame('app://other/studio.html'), foreignFrame('file:///tmp/x.html'), null];
    for (const frame of senders) {
      const result = await call(ipc, 'auth:getToken', {}, { frame });
      expect(result).toEqual({ ok: false, error: { code: 'forbidden', message: expect.any(String) } });
    }
    expect(ran).toBe(0);
    expect(await call(ipc, 'auth:getToken', {}, { frame: studioFrame() })).toEqual({ ok: true, value: { token: 'secret' } });
  });

  it('reports expected failures with their code and hides unexpected ones', async () => {
    const { ipc, router } = fakeRouter();
    router.handle('scenes:load', () => {
      throw new IpcFailure('corrupt_file', 'The scene collection "A" is damaged');
    });
    router.handle('scenes:list', () => {
      throw new Error('EACCES: /home/someone/secret/path');
    });
    expect(await call(ipc, 'scenes:load', { name: 'A' })).toEqual({
      ok: false,
      error: { code: 'corrupt_file', message: 'The scene collection "A" is damaged' },
    });
    const hidden = await call(ipc, 'scenes:list', {});
    expect(hidden.ok).toBe(false);
    if (!hidden.ok) {
      expect(hidden.error.code).toBe('internal');
      expect(hidden.error.message).not.toContain('secret');
    }
  });

  it('removes its handlers on dispose', async () => {
    const { ipc, router } = fakeRouter();
    router.handle('app:info', () => {
      throw new Error('unused');
    });
    router.dispose();
    await expect(ipc.invoke('app:info', {})).rejects.toThrow(/No handler/);
  });
});
