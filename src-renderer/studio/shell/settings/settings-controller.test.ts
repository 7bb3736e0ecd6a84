import { describe, expect, it } from 'vitest';
import { SettingsController } from './settings-controller.js';
import { relayAddressError } from './relay-address.js';
import type { PreferencesBackend, StudioPreferences } from '../../../platform/index.js';

const START: StudioPreferences = {
  relayUrl: 'http://localhost:3001',
  relayEditable: true,
  relayUrlOverridden: false,
  language: 'en',
  recordingsFolder: null,
};

/** A backend holding the preferences in memory, refusing what main's zod schema refuses. */
function memoryBackend() {
  let saved = { ...START };
  let changed: ((p: StudioPreferences) => void) | null = null;
  const backend: PreferencesBackend = {
    load: async () => saved,
    save: async (patch) => {
      if (patch.relayUrl !== undefined && relayAddressError(patch.relayUrl)) throw new Error('invalid relay address');
      saved = { ...saved, ...patch };
      return saved;
    },
    onChange: (listener) => {
      changed = listener;
      return () => (changed = null);
    },
  };
  return { backend, elsewhere: (p: Partial<StudioPreferences>) => changed?.({ ...saved, ...p }), saved: () => saved };
}

function setup() {
  const memory = memoryBackend();
  const applied: string[] = [];
  const settings = new SettingsController(memory.backend, {
    setLanguage: (lang) => applied.push(`lang:${lang}`),
  });
  return { settings, applied, memory };
}

describe('settings', () => {
  it('applies the saved preferences at start', async () => {
    const { settings, applied } = setup();
    await settings.load();
    expect(applied).toEqual(['lang:en']);
  });

  it('a change is applied at once and saved; an unchanged field is not re-applied', async () => {
    const { settings, applied, memory } = setup();
    await settings.load();
    applied.length = 0;
    await settings.update({ language: 'fr' });
    expect(applied).toEqual(['lang:fr']);
    expect(memory.saved().language).toBe('fr');
    expect(settings.getSnapshot().preferences?.language).toBe('fr');
    await settings.update({ relayUrl: 'https://live.example.com' });
    expect(applied).toEqual(['lang:fr']);
  });

  it('a refused relay address changes nothing', async () => {
    const { settings, memory } = setup();
    await settings.load();
    await expect(settings.update({ relayUrl: 'ftp://relay' })).rejects.toThrow();
    expect(memory.saved().relayUrl).toBe('http://localhost:3001');
    expect(settings.getSnapshot().preferences?.relayUrl).toBe('http://localhost:3001');
  });

  it('follows changes made elsewhere (main picked a recordings folder)', async () => {
    const { settings, memory } = setup();
    await settings.load();
    memory.elsewhere({ recordingsFolder: '/home/me/Videos/Lives' });
    expect(settings.getSnapshot().preferences?.recordingsFolder).toBe('/home/me/Videos/Lives');
  });

  it('opens and closes the dialog, remembering the section', () => {
    const { settings } = setup();
    let renders = 0;
    settings.subscribe(() => renders++);
    settings.open('relay');
    expect(settings.getSnapshot()).toMatchObject({ open: true, section: 'relay' });
    settings.close();
    settings.open();
    expect(settings.getSnapshot()).toMatchObject({ open: true, section: 'relay' });
    expect(renders).toBe(3);
  });

  it('checks relay addresses like main does', () => {
    expect(relayAddressError('https://live.example.com')).toBeNull();
    expect(relayAddressError('http://192.168.1.20:3001/')).toBeNull();
    for (const bad of ['', 'live.example.com', 'ftp://x', 'https://user:pw@x', 'javascript:alert(1)', `https://${'a'.repeat(2050)}`]) {
      expect(relayAddressError(bad)).toBe('invalid');
    }
  });
});
