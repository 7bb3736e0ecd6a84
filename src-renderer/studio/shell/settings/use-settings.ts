import { useSyncExternalStore } from 'react';
import { useServices } from '../../context.js';
import type { SettingsSnapshot } from './settings-controller.js';

/** The settings and whether the dialog is open; re-renders on every change. */
export function useSettings(): SettingsSnapshot {
  const { settings } = useServices();
  return useSyncExternalStore(settings.subscribe, settings.getSnapshot);
}
