/**
 * Main process entry: a thin, hardened shell. It wires Electron to the typed feature modules and
 * holds no domain logic of its own.
 */
import { join } from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  protocol,
  safeStorage,
  session,
  shell,
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
import { createTokenStore, type SecretCipher } from './features/auth/token-store.js';
import { registerAuthIpc } from './features/auth/ipc.js';
import { createSceneStore } from './features/scenes/store.js';
import { registerScenesIpc } from './features/scenes/ipc.js';
import { createCaptureService, supportsSystemAudio } from './features/capture/service.js';
import { registerCaptureIpc } from './features/capture/ipc.js';
import { createRecordingWriter } from './features/recordings/writer.js';
import { registerRecordingsIpc } from './features/recordings/ipc.js';
import { registerAppIpc } from './features/app/ipc.js';
import { log } from './lib/log.js';

// A separate profile folder (tests, several installs side by side); must precede the single-instance lock.
if (process.env.AFRITOK_USER_DATA_DIR) app.setPath('userData', process.env.AFRITOK_USER_DATA_DIR);

// Every renderer sandboxed, whatever a future window's options say.
app.enableSandbox();

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
]);

const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
const trusted = trustedOrigins(devServerUrl);
const getTrusted = (): readonly string[] => trusted;

/** Linux without a keyring "encrypts" with a fixed key: treat that as no encryption at all. */
const cipher: SecretCipher = {
  isSecure: () =>
    safeStorage.isEncryptionAvailable() &&
    (process.platform !== 'linux' || !['basic_text', 'unknown'].includes(safeStorage.getSelectedStorageBackend())),
  encryptString: (plain) => safeStorage.encryptString(plain),
  decryptString: (encrypted) => safeStorage.decryptString(encrypted),
};

let mainWindow: BrowserWindow | null = null;

async function start(): Promise<void> {
  const paths = userDataPaths(app.getPath('userData'));
  const settings = await openSettingsStore({
    file: paths.settings,
    relayUrlOverride: process.env.AFRITOK_RELAY_URL,
    defaultLanguage: app.getLocale().toLowerCase().startsWith('fr') ? 'fr' : 'en',
  });
  const csp = (): string => buildCsp({ relayUrl: settings.get().relayUrl, devServerUrl });
  const capture = createCaptureService((options) => desktopCapturer.getSources(options), process.platform);
  const defaultRecordingsFolder = (): string => join(app.getPath('videos'), 'Afritok Live');
  const writer = createRecordingWriter(() => settings.get().recordingsFolder ?? defaultRecordingsFolder());

  protocol.handle(APP_SCHEME, (request) => serveAppRequest(builtPaths.renderer, request, csp()));
  secureSession(session.defaultSession, {
    trusted: getTrusted,
    csp,
    devServerUrl,
    capture,
    ownerIdOfFrame: (frame) => webContents.fromFrame(frame)?.id ?? null,
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
    });
    window.on('closed', () => {
      release();
      if (mainWindow === window) mainWindow = null;
    });
    mainWindow = window;
  };

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
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
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
