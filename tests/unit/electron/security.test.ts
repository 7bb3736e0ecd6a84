import { describe, expect, it } from 'vitest';
import { buildWebPreferences } from '../../../src-main/security/web-preferences.js';
import { buildCsp } from '../../../src-main/security/csp.js';
import { decidePermission } from '../../../src-main/security/permissions.js';
import { decideNavigation, isSafeExternalUrl } from '../../../src-main/security/navigation.js';
import { isTrustedFrame, originOf, trustedOrigins } from '../../../src-main/security/origin.js';

const prod = trustedOrigins(undefined);
const dev = trustedOrigins('http://localhost:5173/');

describe('webPreferences of every window', () => {
  const prefs = buildWebPreferences('/app/out/preload/index.cjs');
  it('isolates and sandboxes the renderer', () => {
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
    });
  });
  it('never enables remote or blink feature escapes', () => {
    expect(Object.keys(prefs)).not.toContain('enableRemoteModule');
    expect(Object.keys(prefs)).not.toContain('enableBlinkFeatures');
  });
});

describe('Content-Security-Policy', () => {
  const directive = (csp: string, name: string): string[] =>
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .find(([n]) => n === name)
      ?.slice(1) ?? [];

  it('allows scripts only from the app itself and talks only to the relay', () => {
    const csp = buildCsp({ relayUrl: 'https://relay.example:8443/base' });
    expect(directive(csp, 'script-src')).toEqual(["'self'"]);
    expect(directive(csp, 'connect-src')).toEqual(["'self'", 'https://relay.example:8443', 'wss://relay.example:8443']);
    expect(directive(csp, 'object-src')).toEqual(["'none'"]);
    expect(directive(csp, 'base-uri')).toEqual(["'none'"]);
    expect(directive(csp, 'frame-ancestors')).toEqual(["'none'"]);
    expect(directive(csp, 'media-src')).toEqual(["'self'", 'blob:', 'mediastream:']);
    expect(csp).not.toContain('unsafe-eval');
  });

  it('loosens scripts for the dev server only when one is given', () => {
    const csp = buildCsp({ relayUrl: 'http://localhost:3001', devServerUrl: 'http://localhost:5173' });
    expect(directive(csp, 'script-src')).toEqual(["'self'", "'unsafe-inline'", 'http://localhost:5173']);
    expect(directive(csp, 'connect-src')).toContain('ws://localhost:5173');
    expect(directive(csp, 'connect-src')).toContain('ws://localhost:3001');
  });
});

describe('permissions', () => {
  const ask = (permission: string, requestingUrl: string, extra: { isMainFrame?: boolean; mediaTypes?: string[] } = {}) =>
    decidePermission({ permission, requestingUrl, isMainFrame: extra.isMainFrame ?? true, mediaTypes: extra.mediaTypes }, prod);

  it('grants camera, microphone and screen capture to our page', () => {
    expect(ask('media', 'app://studio/studio.html', { mediaTypes: ['video', 'audio'] })).toBe(true);
    expect(ask('display-capture', 'app://studio/studio.html')).toBe(true);
    expect(ask('clipboard-sanitized-write', 'app://studio/studio.html')).toBe(true);
  });

  it('refuses everything else, and everyone else', () => {
    for (const permission of ['geolocation', 'notifications', 'midiSysex', 'openExternal', 'clipboard-read', 'hid', 'usb', 'serial']) {
      expect(ask(permission, 'app://studio/studio.html'), permission).toBe(false);
    }
    expect(ask('media', 'https://evil.example/', { mediaTypes: ['video'] })).toBe(false);
    expect(ask('media', 'app://other/studio.html', { mediaTypes: ['video'] })).toBe(false);
    expect(ask('media', 'app://studio/studio.html', { isMainFrame: false, mediaTypes: ['video'] })).toBe(false);
    expect(ask('media', 'http://localhost:5173/studio.html', { mediaTypes: ['audio'] })).toBe(false);
  });

  it('trusts the dev server only in development', () => {
    expect(decidePermission({ permission: 'media', requestingUrl: 'http://localhost:5173/studio.html', isMainFrame: true }, dev)).toBe(true);
  });
});

describe('navigation and new windows', () => {
  it('stays on our pages and sends http(s) links to the browser', () => {
    expect(decideNavigation('app://studio/studio.html#x', prod)).toEqual({ allowInWindow: true, openExternally: false });
    expect(decideNavigation('https://afritok.example/help', prod)).toEqual({ allowInWindow: false, openExternally: true });
  });

  it('opens nothing for other schemes or credentials', () => {
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share', 'https://user:pw@host/', 'not a url']) {
      expect(decideNavigation(url, prod), url).toEqual({ allowInWindow: false, openExternally: false });
    }
    expect(isSafeExternalUrl(`https://x.example/${'a'.repeat(3000)}`)).toBe(false);
  });
});

describe('origin checks', () => {
  it('computes origins for custom schemes', () => {
    expect(originOf('app://studio/studio.html?x=1')).toBe('app://studio');
    expect(originOf('http://localhost:5173/a')).toBe('http://localhost:5173');
    expect(originOf('about:blank')).toBeNull();
  });
  it('trusts only our top frame', () => {
    const top = { url: 'app://studio/studio.html', parent: null };
    expect(isTrustedFrame(top, prod)).toBe(true);
    expect(isTrustedFrame({ url: 'app://studio/x.html', parent: top }, prod)).toBe(false);
    expect(isTrustedFrame({ url: 'app://studio.evil/studio.html', parent: null }, prod)).toBe(false);
    expect(isTrustedFrame(null, prod)).toBe(false);
  });
});
