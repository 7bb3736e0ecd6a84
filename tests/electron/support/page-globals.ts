/**
 * The browser globals our page.evaluate() callbacks touch. The node-side tsconfig has no DOM
 * library, so callbacks cast `globalThis` to this (a type only: nothing of it is sent to the page).
 */
import type { StudioApi } from '../../../src-preload/api-types.js';

export interface PageGlobals {
  studio: StudioApi;
  require?: unknown;
  process?: unknown;
  location: { href: string };
  document: { readyState: string };
  open(url: string): unknown;
  fetch(url: string): Promise<{ headers: { get(name: string): string | null } }>;
  Notification: { requestPermission(): Promise<string> };
  navigator: {
    geolocation: {
      getCurrentPosition(ok: () => void, fail: (err: { code: number }) => void): void;
    };
  };
}
