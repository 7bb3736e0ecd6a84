import { shell, type App, type Session, type WebContents, type WebFrameMain } from 'electron';
import { decideNavigation, isSafeExternalUrl } from './navigation.js';
import { decidePermission } from './permissions.js';
import { isTrustedFrame } from './origin.js';
import type { CaptureService } from '../features/capture/service.js';
import { log } from '../lib/log.js';

function openOutside(url: string): void {
  if (isSafeExternalUrl(url)) shell.openExternal(url).catch((err: unknown) => log.warn('openExternal failed', err));
}

/** Every webContents: no navigation away from our pages, no new windows, no <webview>. */
export function hardenAllWebContents(app: App, trusted: () => readonly string[]): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event, url) => {
      const decision = decideNavigation(url, trusted());
      if (decision.allowInWindow) return;
      event.preventDefault();
      if (decision.openExternally) openOutside(url);
    });
    contents.on('will-redirect', (event, url) => {
      if (!decideNavigation(url, trusted()).allowInWindow) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      if (decideNavigation(url, trusted()).openExternally) openOutside(url);
      return { action: 'deny' };
    });
  });
}

export interface SessionSecurityOptions {
  trusted: () => readonly string[];
  /** The current CSP; applied here to dev-server responses (the app scheme sets it itself). */
  csp: () => string;
  devServerUrl: string | undefined;
  capture: CaptureService;
  /** The webContents id a frame belongs to (keys the capture pick). */
  ownerIdOfFrame: (frame: WebFrameMain) => number | null;
  /** macOS: the OS's own consent for camera/microphone, asked before Chromium opens them. */
  osMediaAccess?: ((mediaTypes: readonly string[]) => Promise<boolean>) | undefined;
}

/** Permission allow-list, our display-media picker, and the CSP header in development. */
export function secureSession(session: Session, options: SessionSecurityOptions): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const mediaTypes = 'mediaTypes' in details ? details.mediaTypes : undefined;
    const allowed = decidePermission(
      { permission, requestingUrl: details.requestingUrl, isMainFrame: details.isMainFrame, mediaTypes },
      options.trusted(),
    );
    if (!allowed) log.warn(`permission refused: ${permission}`, details.requestingUrl);
    if (!allowed || permission !== 'media' || !options.osMediaAccess) return callback(allowed);
    options.osMediaAccess(mediaTypes ?? []).then(
      (granted) => {
        if (!granted) log.warn('camera or microphone refused in the system privacy settings');
        callback(granted);
      },
      (err: unknown) => {
        log.warn('could not ask the system for camera/microphone access', err);
        callback(false);
      },
    );
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    decidePermission(
      {
        permission,
        requestingUrl: details.requestingUrl ?? details.securityOrigin ?? requestingOrigin,
        isMainFrame: details.isMainFrame,
        mediaTypes: details.mediaType && details.mediaType !== 'unknown' ? [details.mediaType] : [],
      },
      options.trusted(),
    ),
  );
  session.setDisplayMediaRequestHandler((request, callback) => {
    const frame = request.frame;
    const ownerId = frame && isTrustedFrame(frame, options.trusted()) ? options.ownerIdOfFrame(frame) : null;
    const grant = ownerId === null ? null : options.capture.grant(ownerId, request);
    if (!grant) log.warn('getDisplayMedia refused: no source picked in the studio picker');
    callback(grant);
  });
  if (options.devServerUrl) {
    const devFilter = { urls: [`${new URL(options.devServerUrl).origin}/*`] };
    session.webRequest.onHeadersReceived(devFilter, (details, callback) => {
      callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [options.csp()] } });
    });
  }
}
