import type { RecordingSink } from '../studio/recorder/recorder.js';

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

export type { SettingsStore };

/** What the studio needs from where it runs: the Electron window or a browser tab at /studio. */
export interface Platform {
  readonly kind: 'web' | 'electron';
  /** The relay's origin (page origin on the web, from settings in Electron). */
  relayUrl(): Promise<string>;
  /** The sign-in token, kept with safeStorage in Electron and in localStorage on the web. */
  readonly tokens: { load(): Promise<string | null>; save(token: string | null): Promise<void> };
  readonly settings: SettingsStore;
  /** Asks for a screen or window; Electron lists sources in our own picker through `choose`. */
  captureScreen(choose: ChooseDisplaySource): Promise<MediaStream>;
  /** Opens where a recording goes: a download on the web, a file in the recordings folder in Electron. */
  openRecording(fileName: string): Promise<RecordingSink>;
  /** Electron only: lets the user pick the recordings folder; resolves with it (null when cancelled). */
  chooseRecordingsFolder?: () => Promise<string | null>;
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
