import '../shared/zod-jitless.js';
import { StudioGifts } from './gifts/studio-gifts.js';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApiClient } from '../shared/api/client.js';
import { createRelayConnection } from '../shared/realtime/index.js';
import { detectPlatform } from '../platform/index.js';
import { getLang, onLangChange, setLang, t } from '../shared/i18n/index.js';
import { StudioEngine } from './media/engine.js';
import { createInboxClient } from '../shared/invitations/inbox-client.js';
import { ConsoleHolder } from './guests/console/console-holder.js';
import { StageDirector } from './guests/stage-director.js';
import { keepLayouts } from './scenes/layouts/reflow.js';
import { SceneChapters } from './live/scene-chapters.js';
import { LiveController } from './live/controller.js';
import { newId } from './scenes/model/ids.js';
import { createStudioStore, type StudioStore } from './store/index.js';
import { COLLECTION_KEY, persistCollection, restoreCollection } from './scenes/persist.js';
import { persistOutput } from './media/output/persist-output.js';
import { SettingsController } from './shell/settings/settings-controller.js';
import { syncAccountSettings } from './shell/settings/account-sync.js';
import { bindStudioCommands, StudioCommands } from './shell/commands/studio-commands.js';
import { App } from './shell/App.js';
import { ServicesContext } from './context.js';
import './shell/studio.css';

async function boot(root: HTMLElement): Promise<void> {
  const platform = detectPlatform();
  const relayUrl = await platform.relayUrl();
  // The client reads the token lazily, so it can be made before the store that holds the token.
  const holder: { store: StudioStore | null } = { store: null };
  const getToken = () => holder.store?.getState().token ?? null;
  const api = createApiClient(relayUrl, getToken);
  const store = createStudioStore({ api, tokens: platform.tokens, newId });
  holder.store = store;
  if (!(await restoreCollection(store, platform.settings))) {
    // A first run: the starting scene gets its name in the user's language.
    const first = store.getState().scenes[0];
    if (first) store.getState().renameScene(first.id, t('studio.scene.defaultName'));
  }
  const saver = persistCollection(store, platform.settings);
  await persistOutput(store, platform.settings);
  window.addEventListener('pagehide', () => saver.flush());

  const connection = createRelayConnection({ url: relayUrl, getToken });
  // The engine makes the program; the live sends it and hands back the guests' streams, which the engine draws.
  const engine = new StudioEngine(store, platform);
  const live = new LiveController({
    api,
    connection,
    getSelfId: () => store.getState().user?.id ?? null,
    program: () => engine.program(),
    onGuests: (guests) => engine.setGuests(guests),
    returnAudio: {
      track: (userId) => engine.mixer.mixMinus(userId),
      release: (userId) => engine.mixer.releaseMixMinus(userId),
    },
    getToken,
  });
  engine.compositor.events.on('stats', (s) => live.recordFrameStats(s.fps, s.missed));
  const gifts = new StudioGifts({ api, connection, store, liveSessionId: () => live.getSnapshot().session?.id ?? null, chime: () => engine.mixer.chime() });
  gifts.start();
  const settings = new SettingsController(platform.preferences, {
    setLanguage: (lang) => lang !== getLang() && setLang(lang),
  });
  await settings.load().catch((err: unknown) => console.warn('settings could not be read; using defaults', err));
  // The language switch on any page saves through the settings too (Electron re-labels its menus).
  onLangChange((lang) => {
    if (settings.getSnapshot().preferences && settings.getSnapshot().preferences?.language !== lang) void settings.update({ language: lang }).catch(() => undefined);
  });
  // The web studio keeps its settings in the account (the desktop studio in its user data folder).
  if (platform.kind === 'web') syncAccountSettings({ api, store, settings, onError: (err) => console.warn('account settings not saved', err) });
  engine.start();
  const director = new StageDirector({ store, live, connection });
  director.start();
  new SceneChapters({ store, live, connection }).start();
  keepLayouts(store, () => engine.compositor.outputFormat);
  const commands = new StudioCommands();
  bindStudioCommands(commands, {
    store,
    isOnAir: () => live.getSnapshot().phase === 'live',
    saveScenes: () => platform.settings.save(COLLECTION_KEY, store.getState().collection()),
    recording: {
      isActive: () => engine.recorder.state !== 'idle',
      start: () => engine.startRecording(),
      stop: () => engine.recorder.stop(),
    },
    openSettings: () => settings.open(),
    text: {
      newSceneName: () => t('studio.scene.defaultName'),
      scenesSaved: () => t('commands.scenesSaved'),
      saveFailed: (message) => t('commands.saveFailed', { message }),
      recordFailed: (message) => t('common.error', { message }),
    },
  });
  platform.onMenuCommand?.((command) => commands.run(command));
  const inbox = createInboxClient(api, connection);
  const guestConsole = new ConsoleHolder(() => {
    const selfId = store.getState().user?.id;
    return selfId ? { api, connection, selfId, studioProgram: () => engine.program() } : null;
  });
  // Browsers keep an AudioContext suspended until the user interacts: the first click wakes the mix.
  window.addEventListener('pointerdown', () => void engine.mixer.resume(), { once: true });

  // Sign-in, sign-out or another account: the socket re-authenticates, the live resumes or stops.
  // (A cookie session has no token: who is signed in is what changes.)
  store.subscribe((state, prev) => {
    const changed = state.token !== prev.token || state.user?.id !== prev.user?.id || state.authStatus !== prev.authStatus;
    if (!changed || state.authStatus === 'pending' || state.authStatus === 'unknown') return;
    connection.reauthenticate();
    // A guest console belongs to the person who opened it.
    void guestConsole.close();
    if (state.authStatus === 'signed-in') {
      void live.resume();
      void inbox.load();
    }
    // Signed out: the program must stop reaching viewers at once, whatever the reason.
    else void live.leave();
  });
  await store.getState().restoreSession();

  createRoot(root).render(
    <StrictMode>
      <ServicesContext.Provider value={{ store, engine, platform, api, connection, live, director, settings, commands, inbox, guestConsole, gifts }}>
        <App />
      </ServicesContext.Provider>
    </StrictMode>,
  );
}

const root = document.getElementById('root');
if (root) void boot(root);
