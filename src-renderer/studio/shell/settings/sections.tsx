import type { ComponentType } from 'react';
import type { StringKey } from '../../../shared/i18n/index.js';
import { AccountSection } from './AccountSection.js';
import { GeneralSection } from './GeneralSection.js';
import { OutputSection } from './OutputSection.js';
import { RecordingsSection } from './RecordingsSection.js';
import { RelaySection } from './RelaySection.js';
import { StreamKeysSection } from './StreamKeysSection.js';
import { DestinationsSection } from '../../destinations/DestinationsSection.js';

/**
 * One page of the settings dialog. A section is self-contained: it reads what it needs through
 * `useServices()` / `useSettings()` and saves its own changes (there is no global OK button).
 */
export interface SettingsSection {
  /** Stable id: `settings.open(id)` opens the dialog on it; also its data-testid suffix. */
  id: string;
  /** Its name in the dialog's list (a strings.ts key). */
  title: StringKey;
  Component: ComponentType;
  /** Shown only where this is true (e.g. Electron-only sections); all platforms when absent. */
  available?: (platform: 'web' | 'electron') => boolean;
}

/**
 * The dialog's sections, in order. THE SLOT for more: stream keys and destinations go here as
 * `{ id: 'stream-keys', title: 'settings.section.streamKeys', Component: StreamKeysSection }`
 * (UI in ./StreamKeysSection.tsx, strings in strings.ts).
 */
export const SETTINGS_SECTIONS: readonly SettingsSection[] = [
  { id: 'general', title: 'settings.section.general', Component: GeneralSection },
  { id: 'output', title: 'settings.section.output', Component: OutputSection },
  { id: 'recordings', title: 'settings.section.recordings', Component: RecordingsSection },
  { id: 'relay', title: 'settings.section.relay', Component: RelaySection },
  { id: 'stream-keys', title: 'settings.section.streamKeys', Component: StreamKeysSection },
  { id: 'destinations', title: 'settings.section.destinations', Component: DestinationsSection },
  { id: 'account', title: 'settings.section.account', Component: AccountSection },
];
