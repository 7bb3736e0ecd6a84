/** Where recorded chunks go: a download on the web, a file streamed to disk in Electron. */
export interface RecordingSink {
  write(chunk: Blob): Promise<void>;
  /** Finishes the file; returns where it went (a file path or a download name). */
  close(): Promise<string>;
}

/** A screen or window offered by our own picker (Electron); thumbnails are data: URLs. */
export interface DisplaySourceInfo {
  id: string;
  name: string;
  kind: 'screen' | 'window';
  thumbnailDataUrl: string;
}

/** Shows the sources to the user; resolves with the chosen id, or null when cancelled. */
export type ChooseDisplaySource = (sources: DisplaySourceInfo[]) => Promise<string | null>;

import type { SettingsStore } from './settings.js';
import type { MenuCommand } from '../../src-preload/api-types.js';

export type { SettingsStore, MenuCommand };

/** The studio's preferences, wherever they are kept (settings.json in Electron, browser storage on the web). */
export interface StudioPreferences {
  /** The relay the studio talks to. */
  relayUrl: string;
  /** False on the web: the page's own origin is the relay. */
  relayEditable: boolean;
  /** Electron: AFRITOK_RELAY_URL overrides the saved address for this run. */
  relayUrlOverridden: boolean;
  language: 'en' | 'fr';
  /** Electron: the folder chosen for recordings, null for the default (Videos/Afritok Live); always null on the web. */
  recordingsFolder: string | null;
}
export type PreferencesPatch = Partial<Pick<StudioPreferences, 'relayUrl' | 'language'>>;

export interface PreferencesBackend {
  load(): Promise<StudioPreferences>;
  /** Saves and answers the preferences now in effect; rejects (PlatformError) when the value is refused. */
  save(patch: PreferencesPatch): Promise<StudioPreferences>;
  /** Changed elsewhere (main's folder dialog, another window). */
  onChange?(listener: (preferences: StudioPreferences) => void): () => void;
}

/** What the studio needs from where it runs: the Electron window or a browser tab at /studio. */
export interface Platform {
  readonly kind: 'web' | 'electron';
  /** The relay's origin (page origin on the web, from settings in Electron). */
  relayUrl(): Promise<string>;
  /** The sign-in token, kept with safeStorage in Electron and in localStorage on the web. */
  readonly tokens: {
    load(): Promise<string | null>;
    save(token: string | null): Promise<void>;
    /** Electron: false when the OS has no keyring (Linux), so a sign-in lasts this run only. */
    persistsAcrossLaunches?(): Promise<boolean>;
    /**
     * Web: the relay's httpOnly cookie is the credential (one sign-in for every page of the origin); the
     * studio then keeps no token at all, neither in storage nor in memory.
     */
    cookieSession?: boolean;
  };
  readonly settings: SettingsStore;
  /** Asks for a screen or window; Electron lists sources in our own picker through `choose`. */
  captureScreen(choose: ChooseDisplaySource): Promise<MediaStream>;
  /** Opens where a recording goes: a download on the web, a file in the recordings folder in Electron. */
  openRecording(fileName: string): Promise<RecordingSink>;
  /** Electron only: lets the user pick the recordings folder; resolves with it (null when cancelled). */
  chooseRecordingsFolder?: () => Promise<string | null>;
  /** Electron only: opens the recordings folder in the file manager (creating it first). */
  showRecordingsFolder?: () => Promise<void>;
  readonly preferences: PreferencesBackend;
  /**
   * Electron only: a native desktop notification through main (the web studio uses the browser's
   * Notification API instead). `url` opens in the browser when it is clicked.
   */
  notify?(notification: { title: string; body: string; url: string | null }): Promise<void>;
  /** Electron only: the application menu's commands (File › New Scene, Save, Go Live, …). */
  onMenuCommand?(listener: (command: MenuCommand) => void): () => void;
}

export class PlatformError extends Error {
  constructor(
    readonly reason: 'timeout' | 'cancelled' | 'unavailable',
    message: string,
  ) {
    super(message);
    this.name = 'PlatformError';
  }
}
