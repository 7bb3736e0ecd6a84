import { useSyncExternalStore } from 'react';
import { getLang, onLangChange, type Lang } from '../i18n/index.js';

/** The current UI language; components calling it re-render (and re-translate) when it changes. */
export function useLang(): Lang {
  return useSyncExternalStore(onLangChange, getLang, getLang);
}
