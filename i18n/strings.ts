import { common } from './strings/common.js';
import { scenes } from './strings/scenes.js';
import { sources } from './strings/sources.js';
import { media } from './strings/media.js';
import { live } from './strings/live.js';
import { chat } from './strings/chat.js';
import { guests } from './strings/guests.js';
import { viewer } from './strings/viewer.js';
import { shell } from './strings/shell.js';
import { followStrings } from './strings/follows.js';
import { giftStrings } from './strings/gifts.js';
import { replayStrings } from './strings/replays.js';
import { destinationStrings } from './strings/destinations.js';
import { analyticsStrings } from './strings/analytics.js';

/**
 * Every UI string of every page and of the Electron menu, in English and French: one table, written as one module per
 * feature under `i18n/strings/` (add an entry to its feature's module). A key missing a language fails the typecheck;
 * tests/unit/i18n checks that both languages fill the same placeholders and that no module repeats another's key.
 * Never write user-visible text in a component. `{name}` placeholders are filled by `t(key, { name })`.
 */
export const strings = {
  ...common,
  ...scenes,
  ...sources,
  ...media,
  ...live,
  ...chat,
  ...guests,
  ...viewer,
  ...shell,
  ...followStrings,
  ...giftStrings,
  ...replayStrings,
  ...destinationStrings,
  ...analyticsStrings,
} as const satisfies Record<string, { en: string; fr: string }>;

/** The feature modules the table is made of (the test checks that none repeats another's key). */
export const stringModules = { common, scenes, sources, media, live, chat, guests, viewer, shell, followStrings, giftStrings, replayStrings, destinationStrings, analyticsStrings };
