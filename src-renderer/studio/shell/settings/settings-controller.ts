import type { PreferencesBackend, PreferencesPatch, StudioPreferences } from '../../../platform/index.js';

/** What applying a preference changes outside the settings: the language of the UI. */
export interface SettingsEffects {
  setLanguage(language: StudioPreferences['language']): void;
}

export interface SettingsSnapshot {
  preferences: StudioPreferences | null;
  /** The dialog is open (menu › Settings, the top bar's button, Ctrl+,). */
  open: boolean;
  /** The section the dialog shows (sections.ts ids). */
  section: string;
}

/**
 * The studio's settings kept by the platform (relay address, language, recordings folder): loads them,
 * applies and saves each change, and opens or closes the dialog. The output format is the studio store's
 * (media/output/), shown in the dialog too. A plain external store for useSyncExternalStore.
 */
export class SettingsController {
  private snapshot: SettingsSnapshot = { preferences: null, open: false, section: 'general' };
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly backend: PreferencesBackend,
    private readonly effects: SettingsEffects,
  ) {
    backend.onChange?.((preferences) => this.adopt(preferences));
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): SettingsSnapshot => this.snapshot;

  /** Reads the saved preferences and applies them (boot). */
  async load(): Promise<StudioPreferences> {
    const preferences = await this.backend.load();
    this.adopt(preferences);
    return preferences;
  }

  /** Applies at once, then saves; a refused value (bad relay address) rejects and changes nothing. */
  async update(patch: PreferencesPatch): Promise<StudioPreferences> {
    const saved = await this.backend.save(patch);
    this.adopt(saved);
    return saved;
  }

  open(section?: string): void {
    this.set({ open: true, section: section ?? this.snapshot.section });
  }

  close(): void {
    this.set({ open: false });
  }

  showSection(section: string): void {
    this.set({ section });
  }

  private adopt(preferences: StudioPreferences): void {
    const before = this.snapshot.preferences;
    if (before?.language !== preferences.language) this.effects.setLanguage(preferences.language);
    this.set({ preferences });
  }

  private set(change: Partial<SettingsSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...change };
    this.listeners.forEach((l) => l());
  }
}
