import type { IpcResult, SettingsView, StudioApi } from '../../src-preload/api-types.js';
import { PlatformError, type Platform, type RecordingSink, type StudioPreferences } from './types.js';
import { withTimeout } from './with-timeout.js';

const CAPTURE_TIMEOUT_MS = 30_000;

/** Unwraps an IPC envelope, turning a refusal into an Error the UI can show. */
async function value<T>(result: Promise<IpcResult<T>>): Promise<T> {
  const r = await result;
  if (!r.ok) throw new PlatformError('unavailable', r.error.message);
  return r.value;
}

function fileSink(api: StudioApi, fileName: string): RecordingSink {
  const opened = value(api.recordings.open(fileName));
  return {
    async write(chunk) {
      const { id } = await opened;
      await value(api.recordings.append(id, new Uint8Array(await chunk.arrayBuffer())));
    },
    async close() {
      const { id } = await opened;
      return (await value(api.recordings.close(id))).path;
    },
  };
}

function preferencesOf(settings: SettingsView): StudioPreferences {
  return {
    relayUrl: settings.relayUrl.replace(/\/$/, ''),
    relayEditable: true,
    relayUrlOverridden: settings.relayUrlOverridden,
    language: settings.language,
    recordingsFolder: settings.recordingsFolder,
  };
}

/** The Electron window: everything that touches the OS goes through `window.studio`. */
export function createElectronPlatform(api: StudioApi, win: Window = window): Platform {
  return {
    kind: 'electron',
    relayUrl: async () => (await value(api.settings.get())).relayUrl.replace(/\/$/, ''),
    tokens: {
      load: async () => (await value(api.auth.getToken())).token,
      save: async (token) => void (await value(token ? api.auth.setToken(token) : api.auth.clearToken())),
      persistsAcrossLaunches: async () => (await value(api.auth.persistence())).persistent,
    },
    settings: {
      load: async (key) => (await value(api.scenes.load(key)))?.data ?? null,
      save: async (key, data) => void (await value(api.scenes.save(key, JSON.parse(JSON.stringify(data))))),
    },
    async captureScreen(choose) {
      const { sources, pickedBySystem } = await value(api.capture.listSources({ kinds: ['screen', 'window'], thumbnailWidth: 320 }));
      // Wayland: the system's portal dialog already asked; its one pick is the answer (no second question).
      const systemPick = pickedBySystem && sources.length === 1 ? sources[0]?.id : undefined;
      const picked = systemPick ?? (await choose(sources));
      if (!picked) throw new PlatformError('cancelled', 'No screen or window chosen');
      await value(api.capture.selectSource(picked, false));
      // Main grants exactly the picked source to this request (setDisplayMediaRequestHandler).
      return withTimeout(win.navigator.mediaDevices.getDisplayMedia({ video: true, audio: false }), CAPTURE_TIMEOUT_MS, 'Screen capture');
    },
    openRecording: async (fileName) => fileSink(api, fileName),
    chooseRecordingsFolder: async () => (await value(api.recordings.chooseFolder())).folder,
    showRecordingsFolder: async () => void (await value(api.recordings.showFolder())),
    // settings.json in the user data folder, through main (which also re-labels the menus in the new language).
    preferences: {
      load: async () => preferencesOf(await value(api.settings.get())),
      save: async (patch) => preferencesOf(await value(api.settings.update(patch))),
      onChange: (listener) => api.settings.onChanged((settings) => listener(preferencesOf(settings))),
    },
    notify: async (notification) => void (await value(api.notifications.show(notification))),
    onMenuCommand: (listener) => api.app.onMenuCommand(({ command }) => listener(command)),
  };
}
