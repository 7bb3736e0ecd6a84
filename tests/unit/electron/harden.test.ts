/**
 * The one suite that replaces the `electron` module (sanctioned: its binary cannot run under vitest).
 * The fakes are hand-written and minimal; they only record what our code registers on them.
 */
import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import type { App, Session, WebFrameMain } from 'electron';

const opened: string[] = [];
vi.mock('electron', () => ({
  shell: { openExternal: async (url: string) => void opened.push(url) },
}));

const { hardenAllWebContents, secureSession } = await import('../../../src-main/security/harden.js');
const { createCaptureService } = await import('../../../src-main/features/capture/service.js');
const { trustedOrigins } = await import('../../../src-main/security/origin.js');

const trusted = () => trustedOrigins(undefined);

class FakeContents extends EventEmitter {
  openHandler: ((details: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.openHandler = handler;
  }
}

/** Emits `name` like Electron does and tells whether the listener called preventDefault. */
function emitPreventable(contents: FakeContents, name: string, url?: string): boolean {
  let prevented = false;
  contents.emit(name, { preventDefault: () => (prevented = true) }, url);
  return prevented;
}

function hardenedContents(): FakeContents {
  const app = new EventEmitter();
  hardenAllWebContents(app as unknown as App, trusted);
  const contents = new FakeContents();
  app.emit('web-contents-created', {}, contents);
  return contents;
}

describe('every webContents', () => {
  it('may navigate within our pages only; http(s) links go to the browser', () => {
    opened.length = 0;
    const contents = hardenedContents();
    expect(emitPreventable(contents, 'will-navigate', 'app://studio/studio.html')).toBe(false);
    expect(emitPreventable(contents, 'will-navigate', 'https://evil.example/phish')).toBe(true);
    expect(emitPreventable(contents, 'will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(emitPreventable(contents, 'will-redirect', 'https://evil.example/')).toBe(true);
    expect(opened).toEqual(['https://evil.example/phish']);
  });

  it('opens no window, and no <webview>', () => {
    opened.length = 0;
    const contents = hardenedContents();
    expect(contents.openHandler?.({ url: 'https://afritok.example/help' })).toEqual({ action: 'deny' });
    expect(contents.openHandler?.({ url: 'app://studio/studio.html' })).toEqual({ action: 'deny' });
    expect(contents.openHandler?.({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://afritok.example/help']);
    expect(emitPreventable(contents, 'will-attach-webview')).toBe(true);
  });
});

type RequestHandler = (wc: unknown, permission: string, callback: (granted: boolean) => void, details: object) => void;
type CheckHandler = (wc: unknown, permission: string, origin: string, details: object) => boolean;
type DisplayHandler = (request: object, callback: (streams: unknown) => void) => void;

function fakeSession() {
  const handlers: { request?: RequestHandler; check?: CheckHandler; display?: DisplayHandler; headers?: unknown } = {};
  const session = {
    setPermissionRequestHandler: (h: RequestHandler) => (handlers.request = h),
    setPermissionCheckHandler: (h: CheckHandler) => (handlers.check = h),
    setDisplayMediaRequestHandler: (h: DisplayHandler) => (handlers.display = h),
    webRequest: { onHeadersReceived: (_filter: unknown, h: unknown) => (handlers.headers = h) },
  };
  return { session: session as unknown as Session, handlers };
}

function securedSession() {
  const { session, handlers } = fakeSession();
  const getSources = async () => [
    { id: 'screen:1:0', name: 'Screen', display_id: '1', thumbnail: { toDataURL: () => 'data:' }, appIcon: null },
  ];
  const capture = createCaptureService(getSources, 'linux');
  secureSession(session, { trusted, csp: () => "default-src 'self'", devServerUrl: undefined, capture, ownerIdOfFrame: () => 9 });
  return { handlers, capture };
}

const ask = (handler: RequestHandler | undefined, permission: string, details: object): Promise<boolean> =>
  new Promise((resolve) => handler?.({}, permission, resolve, details));

describe('session permissions', () => {
  it('grants camera and microphone to our page and refuses foreign or unlisted permissions', async () => {
    const { handlers } = securedSession();
    const ours = { requestingUrl: 'app://studio/studio.html', isMainFrame: true };
    expect(await ask(handlers.request, 'media', { ...ours, mediaTypes: ['video', 'audio'] })).toBe(true);
    expect(await ask(handlers.request, 'geolocation', ours)).toBe(false);
    expect(await ask(handlers.request, 'media', { requestingUrl: 'https://evil.example/', isMainFrame: true, mediaTypes: ['video'] })).toBe(false);
    expect(handlers.check?.({}, 'media', 'app://studio', { isMainFrame: true, securityOrigin: 'app://studio', mediaType: 'video' })).toBe(true);
    expect(handlers.check?.({}, 'notifications', 'app://studio', { isMainFrame: true, requestingUrl: 'app://studio/studio.html' })).toBe(false);
    expect(handlers.headers).toBeUndefined();
  });

  it('answers getDisplayMedia with the picked source only, for our top frame only', async () => {
    const { handlers, capture } = securedSession();
    const top = { url: 'app://studio/studio.html', parent: null } as unknown as WebFrameMain;
    const display = (frame: unknown) =>
      new Promise<unknown>((resolve) => handlers.display?.({ frame, audioRequested: false, videoRequested: true }, resolve));
    expect(await display(top)).toBeNull();
    await capture.listSources(9, ['screen'], 320);
    capture.select(9, 'screen:1:0', false);
    expect(await display({ url: 'https://evil.example/', parent: null })).toBeNull();
    expect(await display(top)).toEqual({ video: { id: 'screen:1:0', name: 'Screen' } });
  });
});
