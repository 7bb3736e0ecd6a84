import type { StateCreator } from 'zustand';
import type { User } from '../../../protocol/users.js';
import type { ApiClient } from '../../shared/api/client.js';
import type { OutputSlice } from '../media/output/output-slice.js';
import type { NewSourceOptions } from '../scenes/model/defaults.js';
import type { AudioSettings, Scene, SceneCollection, Source, SourceKind, Transform, TransitionKind } from '../scenes/model/types.js';

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

export type AuthStatus = 'unknown' | 'signed-out' | 'pending' | 'signed-in';
export interface AuthSlice {
  user: User | null;
  token: string | null;
  authStatus: AuthStatus;
  /** Error code from the relay (e.g. `unauthorized`, `duplicate`, `invalid_input`). */
  authError: string | null;
  signIn(username: string, password: string): Promise<boolean>;
  register(username: string, password: string): Promise<boolean>;
  /** Signs in again with the saved token, if it is still valid. */
  restoreSession(): Promise<void>;
  signOut(): Promise<void>;
  /** Ends every sign-in of this account on every device (this one too); throws when the relay refused. */
  signOutEverywhere(): Promise<void>;
}

export interface ScenesSlice {
  scenes: Scene[];
  programSceneId: string;
  /** The scene being edited; equals the program scene unless studio mode is on. */
  previewSceneId: string;
  studioMode: boolean;
  transition: { kind: TransitionKind; durationMs: number };
  addScene(name?: string): string;
  renameScene(id: string, name: string): void;
  duplicateScene(id: string): string | null;
  deleteScene(id: string): boolean;
  moveScene(id: string, toIndex: number): void;
  /** Studio mode: puts the scene in preview. Otherwise: puts it on program. */
  selectScene(id: string): void;
  /** Hotkeys 1..9. */
  selectSceneByNumber(n: number): void;
  setStudioMode(on: boolean): void;
  setTransition(kind: TransitionKind, durationMs?: number): void;
  /** Studio mode: sends preview to program. */
  takeToProgram(): void;
  loadCollection(collection: SceneCollection): void;
  collection(): SceneCollection;
}

export type SourcePatch = Partial<Omit<Source, 'id' | 'kind' | 'transform'>> & Record<string, unknown>;

export interface SourcesSlice {
  selectedSourceId: string | null;
  /** Adds a source on top of the edited (preview) scene and selects it. */
  addSource(kind: SourceKind, opts?: NewSourceOptions & { name?: string }): string;
  removeSource(id: string): void;
  renameSource(id: string, name: string): void;
  /** Kind-specific settings (text style, colour, image url, device). */
  updateSource(id: string, patch: SourcePatch): void;
  setTransform(id: string, patch: Partial<Transform>): void;
  setAudio(id: string, patch: Partial<AudioSettings>): void;
  /** Changes z-order: index 0 is drawn first (bottom). */
  moveSource(id: string, toIndex: number): void;
  selectSource(id: string | null): void;
}

export type StudioState = AuthSlice & ScenesSlice & SourcesSlice & OutputSlice;
export type Slice<T> = StateCreator<StudioState, [], [], T>;
