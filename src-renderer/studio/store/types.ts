import type { StateCreator } from 'zustand';
import type { ApiClient } from '../../shared/api/client.js';
import type { OutputSlice } from '../media/output/output-slice.js';
import type { AuthSlice } from '../shell/auth/auth-slice.js';
import type { ScenesSlice } from '../scenes/scenes-slice.js';
import type { SourcesSlice } from '../sources/sources-slice.js';

/** What the store needs from outside; tests pass real parts (a relay-backed client, in-memory storage). */
export interface StoreDeps {
  api: ApiClient;
  /**
   * Keeps the sign-in token between runs (safeStorage in Electron). `cookieSession` (the web): the relay's
   * httpOnly cookie is the credential and no token is kept at all.
   */
  tokens: { load(): Promise<string | null>; save(token: string | null): Promise<void>; cookieSession?: boolean };
  newId: () => string;
}

/** The whole store: each slice's state and actions are declared beside the slice that implements them. */
export type StudioState = AuthSlice & ScenesSlice & SourcesSlice & OutputSlice;
export type Slice<T> = StateCreator<StudioState, [], [], T>;
