import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApiClient } from '../shared/api/client.js';
import { createRelayConnection } from '../shared/realtime/index.js';
import { detectPlatform } from '../platform/index.js';
import { t } from '../shared/i18n/index.js';
import { StudioEngine } from './engine.js';
import { StageDirector } from './guests/stage-director.js';
import { keepLayouts } from './layouts/reflow.js';
import { LiveController } from './live/controller.js';
import { newId } from './model/ids.js';
import { createStudioStore, type StudioStore } from './store/index.js';
import { persistCollection, restoreCollection } from './store/persist.js';
import { persistOutput } from './output/persist-output.js';
import { App } from './ui/App.js';
import { ServicesContext } from './ui/context.js';
import './ui/studio.css';

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
  let engineRef: StudioEngine | null = null;
  const live = new LiveController({
    api,
    connection,
    getSelfId: () => store.getState().user?.id ?? null,
    program: () => (engineRef as StudioEngine).program(),
    onGuests: () => engineRef?.refreshGuests(),
    returnAudio: {
      track: (userId) => (engineRef as StudioEngine).mixer.mixMinus(userId),
      release: (userId) => engineRef?.mixer.releaseMixMinus(userId),
    },
    getToken,
  });
  const engine = new StudioEngine(store, platform, { guestStream: (userId) => live.guestStream(userId) });
  engineRef = engine;
  engine.start();
  const director = new StageDirector({ store, live, connection });
  director.start();
  keepLayouts(store, () => engine.compositor.outputFormat);
  // Browsers keep an AudioContext suspended until the user interacts: the first click wakes the mix.
  window.addEventListener('pointerdown', () => void engine.mixer.resume(), { once: true });

  store.subscribe((state, prev) => {
    if (state.token === prev.token) return;
    connection.reauthenticate();
    if (state.authStatus === 'signed-in') void live.resume();
    // Signed out: the program must stop reaching viewers at once, whatever the reason.
    else if (!state.token) void live.leave();
  });
  await store.getState().restoreSession();
  if (store.getState().authStatus === 'signed-in') void live.resume();

  createRoot(root).render(
    <StrictMode>
      <ServicesContext.Provider value={{ store, engine, platform, api, connection, live, director }}>
        <App />
      </ServicesContext.Provider>
    </StrictMode>,
  );
}

const root = document.getElementById('root');
if (root) void boot(root);
