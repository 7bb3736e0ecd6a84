import { createContext, useContext, useSyncExternalStore } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { ApiClient } from '../shared/api/client.js';
import type { RelayConnection } from '../shared/realtime/index.js';
import { getLang, onLangChange, type Lang } from '../shared/i18n/index.js';
import type { Platform } from '../platform/index.js';
import type { StudioEngine } from './media/engine.js';
import type { InboxClient } from '../shared/invitations/inbox-client.js';
import type { ConsoleHolder } from './guests/console/console-holder.js';
import type { StageDirector } from './guests/stage-director.js';
import type { LiveController } from './live/controller.js';
import type { StudioGifts } from './gifts/studio-gifts.js';
import type { StudioState, StudioStore } from './store/index.js';
import type { SettingsController } from './shell/settings/settings-controller.js';
import type { StudioCommands } from './shell/commands/studio-commands.js';

/** Everything the studio UI talks to; made once in main.tsx. */
export interface StudioServices {
  store: StudioStore;
  engine: StudioEngine;
  platform: Platform;
  api: ApiClient;
  connection: RelayConnection;
  live: LiveController;
  director: StageDirector;
  /** Preferences and the settings dialog (shell/settings/). */
  settings: SettingsController;
  /** Menu commands and their passing notices (shell/commands/). */
  commands: StudioCommands;
  /** My invitations (to be a guest on someone else's live). */
  inbox: InboxClient;
  /** The guest console opened by accepting one. */
  guestConsole: ConsoleHolder;
  /** The live's gifts, earnings and the alerts they raise (gifts/). */
  gifts: StudioGifts;
}

export const ServicesContext = createContext<StudioServices | null>(null);

export function useServices(): StudioServices {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('StudioServices missing');
  return services;
}

/** Reads a slice of the store; re-renders only when the picked values change (shallowly). */
export function useStudio<T>(selector: (state: StudioState) => T): T {
  return useStore(useServices().store, useShallow(selector));
}

export function useLive() {
  const { live } = useServices();
  return useSyncExternalStore(live.subscribe, live.getSnapshot);
}

const subscribeLang = (cb: () => void) => onLangChange(cb);
/** Re-renders on a language switch. */
export function useLang(): Lang {
  return useSyncExternalStore(subscribeLang, getLang);
}
