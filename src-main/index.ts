/**
 * Main process entry: a thin, hardened shell. It wires Electron to the typed feature modules and
 * holds no domain logic of its own.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  Notification,
  protocol,
  safeStorage,
  session,
  shell,
  systemPreferences,
  desktopCapturer,
  webContents,
  type OpenDialogOptions,
} from 'electron';
import { builtPaths, userDataPaths } from './app-paths.js';
import { createIpcRouter } from './ipc/handle.js';
import { sendEvent } from './ipc/send.js';
import { buildMenuTemplate } from './menu.js';
import { createMainWindow } from './window.js';
import { serveAppRequest } from './protocol/app-protocol.js';
import { APP_ENTRY_URL, APP_SCHEME, trustedOrigins } from './security/origin.js';
import { buildCsp } from './security/csp.js';
import { hardenAllWebContents, secureSession } from './security/harden.js';
import { isSafeExternalUrl } from './security/navigation.js';
import { openSettingsStore } from './features/settings/store.js';
import { registerSettingsIpc } from './features/settings/ipc.js';
import { createTokenStore, isSecureStorage, type SecretCipher } from './features/auth/token-store.js';
import { learnMediaOrigins } from './security/media-origins.js';
import { ensureMacMediaAccess, screenAccessRefusal } from './features/platform/mac-media.js';
import { offerReload } from './features/platform/crash.js';
import { onSecondInstance } from './features/platform/second-instance.js';
import { systemPicksCaptureSource } from './features/platform/wayland.js';
import { registerAuthIpc } from './features/auth/ipc.js';
import { createSceneStore } from './features/scenes/store.js';
import { registerScenesIpc } from './features/scenes/ipc.js';
import { createCaptureService, supportsSystemAudio } from './features/capture/service.js';
import { registerCaptureIpc } from './features/capture/ipc.js';
import { createRecordingWriter } from './features/recordings/writer.js';
import { registerRecordingsIpc } from './features/recordings/ipc.js';
import { registerAppIpc } from './features/app/ipc.js';
import { registerNotificationsIpc } from './features/notifications/ipc.js';
import { log } from './lib/log.js';

// A separate profile folder (tests, several installs side by side); must precede the single-instance lock.
if (process.env.AFRITOK_USER_DATA_DIR) app.setPath('userData', process.env.AFRITOK_USER_DATA_DIR);

// Windows groups taskbar buttons and shows notifications by this id: the packaged appId.
if (process.platform === 'win32') app.setAppUserModelId('live.afritok.studio');

// Every renderer sandboxed, whatever a future window's options say.
app.enableSandbox();

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
]);

const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
const trusted = trustedOrigins(devServerUrl);
const getTrusted = (): readonly string[] => trusted;

/** safeStorage's async calls; Linux without a keyring "encrypts" with a fixed key: treated as no encryption. */
const cipher: SecretCipher = {
  isSecure: async () =>
    isSecureStorage(
      await safeStorage.isAsyncEncryptionAvailable(),
      process.platform,
      process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : undefined,
    ),
  encrypt: (plain) => safeStorage.encryptStringAsync(plain),
  decrypt: (encrypted) => safeStorage.decryptStringAsync(encrypted),
};

let mainWindow: BrowserWindow | null = null;
/** Set once the app is ready: a second launch may need a window (macOS keeps running without one). */
let openStudioWindow: (() => Promise<void>) | null = null;

async function start(): Promise<void> {
  const paths = userDataPaths(app.getPath('userData'));
  const settings = await openSettingsStore({
    file: paths.settings,
    relayUrlOverride: process.env.AFRITOK_RELAY_URL,
    defaultLanguage: app.getLocale().toLowerCase().startsWith('fr') ? 'fr' : 'en',
  });
  // External WHIP/WHEP servers the relay names (GET /api/info) join connect-src; learnt again when the relay changes.
  let mediaOrigins: string[] = [];
  let learning: Promise<void> = Promise.resolve();
  let learntFor = '';
  const learnMedia = (): Promise<void> => {
    const relayUrl = settings.get().relayUrl;
    if (relayUrl === learntFor) return learning;
    learntFor = relayUrl;
    learning = learnMediaOrigins(relayUrl).then((origins) => {
      if (settings.get().relayUrl === relayUrl) mediaOrigins = origins;
    });
    return learning;
  };
  await learnMedia();
  const csp = (): string => buildCsp({ relayUrl: settings.get().relayUrl, devServerUrl, mediaOrigins });
  const isMac = process.platform === 'darwin';
  const capture = createCaptureService((options) => desktopCapturer.getSources(options), process.platform, {
    screenAccessRefusal: () => (isMac ? screenAccessRefusal(systemPreferences.getMediaAccessStatus('screen')) : null),
    pickedBySystem: systemPicksCaptureSource(process.platform, process.env),
  });
  const defaultRecordingsFolder = (): string => join(app.getPath('videos'), 'Afritok Live');
  const writer = createRecordingWriter(() => settings.get().recordingsFolder ?? defaultRecordingsFolder());

  // A page load after a relay change waits for that relay's media origins, so its CSP is the right one.
  protocol.handle(APP_SCHEME, async (request) => {
    await learning;
    return serveAppRequest(builtPaths.renderer, request, csp());
  });
  secureSession(session.defaultSession, {
    trusted: getTrusted,
    csp,
    devServerUrl,
    capture,
    ownerIdOfFrame: (frame) => webContents.fromFrame(frame)?.id ?? null,
    osMediaAccess: isMac
      ? (mediaTypes) =>
          ensureMacMediaAccess(mediaTypes, {
            status: (type) => systemPreferences.getMediaAccessStatus(type),
            ask: (type) => systemPreferences.askForMediaAccess(type),
          })
      : undefined,
  });

  const router = createIpcRouter(ipcMain, getTrusted);
  registerAppIpc(router, {
    info: () => ({
      name: app.getName(),
      version: app.getVersion(),
      platform: process.platform,
      versions: { electron: process.versions.electron, chrome: process.versions.chrome, node: process.versions.node },
      systemAudioCapture: supportsSystemAudio(process.platform),
      relayUrl: settings.get().relayUrl,
    }),
    openExternal: (url) => shell.openExternal(url),
  });
  registerSettingsIpc(router, settings);
  registerAuthIpc(router, createTokenStore(paths.token, cipher));
  registerScenesIpc(router, createSceneStore(paths.scenes));
  registerCaptureIpc(router, capture);
  const showFolder = async (folder: string): Promise<void> => {
    // Before the first recording the folder does not exist yet: make it, so the file manager opens something.
    await mkdir(folder, { recursive: true }).catch((err: unknown) => log.warn('could not create the recordings folder', err));
    const error = await shell.openPath(folder);
    if (error) log.warn('could not open the recordings folder', error);
  };
  registerRecordingsIpc(router, {
    writer,
    settings,
    defaultFolder: defaultRecordingsFolder,
    showFolder,
    chooseFolder: async (current) => {
      const options: OpenDialogOptions = { defaultPath: current, properties: ['openDirectory', 'createDirectory'] };
      const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
  });

  registerNotificationsIpc(router, {
    isSupported: () => Notification.isSupported(),
    isWindowFocused: () => mainWindow?.isFocused() ?? false,
    show: ({ title, body }, onClick) => {
      const notification = new Notification({ title, body });
      notification.on('click', onClick);
      notification.show();
    },
    focusWindow: () => {
      if (!mainWindow) return;
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    },
    openExternal: (url) => shell.openExternal(url),
  });

  const installMenu = (): void => {
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        buildMenuTemplate({
          language: settings.get().language,
          isMac: process.platform === 'darwin',
          isDev: !app.isPackaged,
          onCommand: (command) => mainWindow && sendEvent(mainWindow.webContents, 'menu:command', { command }),
          onShowRecordings: () => void showFolder(settings.get().recordingsFolder ?? defaultRecordingsFolder()),
          onOpenRelay: () => {
            const url = settings.get().relayUrl;
            if (isSafeExternalUrl(url)) void shell.openExternal(url);
          },
        }),
      ),
    );
  };
  installMenu();
  settings.onChange((next) => {
    installMenu();
    void learnMedia();
    if (mainWindow) sendEvent(mainWindow.webContents, 'settings:changed', next);
  });

  const openWindow = async (): Promise<void> => {
    const window = await createMainWindow({
      preloadPath: builtPaths.preload,
      url: devServerUrl ? new URL('studio.html', devServerUrl).toString() : APP_ENTRY_URL,
      windowStateFile: paths.windowState,
      title: 'Afritok Live',
    });
    const ownerId = window.webContents.id;
    // A page that reloads, crashes or closes loses its JS state: finish its files and forget its pick.
    const release = (): void => {
      capture.forget(ownerId);
      void writer.closeAllOf(ownerId);
    };
    window.webContents.on('did-navigate', release);
    window.webContents.on('render-process-gone', (_event, details) => {
      log.error('the studio page crashed', details.reason);
      release();
      // Never leave a blank window: ask to reload it (or quit).
      void offerReload(
        details.reason,
        {
          ask: async ({ message, detail, buttons }) =>
            (await dialog.showMessageBox(window, { type: 'error', message, detail, buttons, defaultId: 0, cancelId: 1, noLink: true })).response,
          reload: () => !window.isDestroyed() && window.webContents.reload(),
          quit: () => app.quit(),
        },
        settings.get().language,
      );
    });
    window.on('closed', () => {
      release();
      if (mainWindow === window) mainWindow = null;
    });
    mainWindow = window;
  };
  openStudioWindow = openWindow;

  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) void openWindow();
  });
  // Finish open recordings before the process goes away, then quit for real.
  let recordingsClosed = false;
  app.on('before-quit', (event) => {
    if (recordingsClosed) return;
    event.preventDefault();
    void writer.closeAll().finally(() => {
      recordingsClosed = true;
      app.quit();
    });
  });
  await openWindow();
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    // Before start() finished there is nothing to show yet; the first window is on its way.
    if (!openStudioWindow && !mainWindow) return;
    onSecondInstance(mainWindow, () => void openStudioWindow?.());
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  hardenAllWebContents(app, getTrusted);
  app
    .whenReady()
    .then(start)
    .catch((err: unknown) => {
      log.error('the studio failed to start', err);
      app.exit(1);
    });
}
