import { getLang } from '../shared/i18n/index.js';
import { PlatformError, type Platform, type PreferencesBackend, type RecordingSink, type SettingsStore, type StudioPreferences } from './types.js';
import { withTimeout } from './with-timeout.js';

/** Where the web studio kept its 30-day token before one sign-in per origin (cookie only). */
const LEGACY_TOKEN_KEY = 'afritok.studio.token';
const SETTINGS_PREFIX = 'afritok.studio.';
/** getDisplayMedia can hang (no picker shown, policy prompts); give the user time, then give up. */
export const DISPLAY_MEDIA_TIMEOUT_MS = 60_000;

function localSettings(storage: Storage): SettingsStore {
  return {
    async load(key) {
      const raw = storage.getItem(SETTINGS_PREFIX + key);
      if (raw === null) return null;
      try {
        return JSON.parse(raw) as unknown;
      } catch {
        return null;
      }
    },
    async save(key, value) {
      storage.setItem(SETTINGS_PREFIX + key, JSON.stringify(value));
    },
  };
}

/**
 * The web studio's preferences as this browser holds them: the language is the pages' shared choice (i18n keeps
 * it in localStorage), the output format is the studio's own (output/persist-output.ts); once signed in, the
 * account's copy wins and every change is saved there (studio/settings/account-sync.ts). The relay is the page's
 * own origin, so it is shown, not edited.
 */
function browserPreferences(win: Window): PreferencesBackend {
  const read = (): StudioPreferences => ({
    relayUrl: win.location.origin,
    relayEditable: false,
    relayUrlOverridden: false,
    language: getLang(),
    recordingsFolder: null,
  });
  return {
    load: async () => read(),
    async save(patch) {
      if (patch.relayUrl !== undefined) throw new PlatformError('unavailable', 'The web studio always uses the relay that served this page');
      return { ...read(), ...patch };
    },
  };
}

/** Collects chunks in memory and hands the file to the browser as a download. */
function downloadSink(fileName: string): RecordingSink {
  const chunks: Blob[] = [];
  return {
    async write(chunk) {
      chunks.push(chunk);
    },
    async close() {
      const url = URL.createObjectURL(new Blob(chunks, { type: 'video/webm' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = fileName;
      document.body.append(a);
      a.click();
      a.remove();
      // Give the download time to start before the blob is released.
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      return fileName;
    },
  };
}

export function createWebPlatform(win: Window = window): Platform {
  return {
    kind: 'web',
    relayUrl: async () => win.location.origin,
    // The sign-in cookie carries the session; a token an older version kept in localStorage is forgotten.
    tokens: {
      load: async () => {
        win.localStorage.removeItem(LEGACY_TOKEN_KEY);
        return null;
      },
      save: async () => undefined,
      cookieSession: true,
    },
    settings: localSettings(win.localStorage),
    async captureScreen() {
      if (!win.navigator.mediaDevices?.getDisplayMedia) throw new PlatformError('unavailable', 'Screen capture is not available');
      const request = win.navigator.mediaDevices.getDisplayMedia({ video: { frameRate: 30 }, audio: true });
      try {
        return await withTimeout(request, DISPLAY_MEDIA_TIMEOUT_MS, 'Screen capture');
      } catch (err) {
        // A late answer after the timeout must not leave a capture running unseen.
        void request.then((s) => s.getTracks().forEach((t) => t.stop())).catch(() => undefined);
        if (err instanceof DOMException && err.name === 'NotAllowedError') throw new PlatformError('cancelled', err.message);
        throw err;
      }
    },
    openRecording: async (fileName) => downloadSink(fileName),
    preferences: browserPreferences(win),
  };
}
