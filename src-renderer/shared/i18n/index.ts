import { strings } from '../../../i18n/strings.js';

export type Lang = 'en' | 'fr';
export type StringKey = keyof typeof strings;

const STORAGE_KEY = 'afritok.lang';

/** The saved choice, else the browser's language when it is French, else English. */
export function detectLang(): Lang {
  const saved = typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY);
  if (saved === 'en' || saved === 'fr') return saved;
  const nav = typeof navigator === 'undefined' ? 'en' : navigator.language;
  return nav.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

let current: Lang = detectLang();
// Screen readers pick their voice from <html lang>: it must match from the first paint, not only after a switch.
if (typeof document !== 'undefined') document.documentElement.lang = current;
const listeners = new Set<(lang: Lang) => void>();

export function getLang(): Lang {
  return current;
}

export function setLang(lang: Lang): void {
  current = lang;
  if (typeof localStorage !== 'undefined') localStorage.setItem(STORAGE_KEY, lang);
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
  listeners.forEach((l) => l(lang));
}

export function onLangChange(listener: (lang: Lang) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Translates `key` into the current language, filling `{name}` placeholders. */
export function t(key: StringKey, vars?: Record<string, string | number>, lang: Lang = current): string {
  const text: string = strings[key][lang];
  return vars ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m)) : text;
}
