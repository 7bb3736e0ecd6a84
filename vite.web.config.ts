import { defineConfig, type Alias, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { precompress } from './scripts/vite-precompress.js';
import { preloadChunk } from './scripts/vite-preload-chunk.js';

const root = fileURLToPath(new URL('./src-renderer', import.meta.url));
const page = (file: string) => fileURLToPath(new URL(`./src-renderer/${file}`, import.meta.url));

/**
 * The browser pages; the relay serves `dist-web` and maps `/` → index.html, `/watch/:id` → watch.html, `/replay/:id` → replay.html,
 * `/join/:token` → join.html, `/studio` → studio.html, `/u/:username` → profile.html. `npm run build:web` (scripts/build-web.ts) runs two
 * builds into dist-web, by mode:
 * - `production`: /, /join, /studio, /u/:username (profile) and /replay, on React;
 * - `viewer`: /watch alone, on Preact's React-compatible API (preact/compat, ~4 KB instead of React DOM's
 *   ~55 KB compressed): many viewers are on mobile data, and /watch must stay ≤ 100 KB of compressed
 *   JavaScript (tests/unit/page-weight.test.ts). Its components are plain hooks, so the same code runs on both.
 * Both write each file precompressed (.br, .gz) beside it for the relay to serve (http/static-compressed.ts).
 * - `baseline` (bench/page-weight only): all four pages on React, one build, nothing precompressed: what
 *   /watch weighed before issue 15, served as it was.
 *
 * `AFRITOK_TESTBENCH=1` builds ONLY the e2e test publisher page into `node_modules/.afritok/testbench-web`
 * (served to Chromium by Playwright route interception, never by the relay): test hooks never reach
 * a production build.
 */
const testbench = process.env.AFRITOK_TESTBENCH === '1';

/** React → Preact for one build (exact names only: `react-dom/client` is not `react-dom`). */
const preactAliases: Alias[] = [
  { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
  { find: /^react-dom$/, replacement: 'preact/compat' },
  { find: /^react\/jsx-runtime$/, replacement: 'preact/jsx-runtime' },
  { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/jsx-dev-runtime' },
  { find: /^react$/, replacement: 'preact/compat' },
];

function inputsFor(mode: string): Record<string, string> {
  if (testbench) return { testbench: page('pages/testbench/index.html') };
  if (mode === 'viewer') return { watch: page('watch.html') };
  const others = { index: page('index.html'), join: page('join.html'), studio: page('studio.html'), profile: page('profile.html'), replay: page('replay.html') };
  return mode === 'baseline' ? { ...others, watch: page('watch.html') } : others;
}

export default defineConfig(({ mode }) => {
  const plugins: Plugin[] = [...react()];
  // /watch's page chunk is fetched with its HTML and evaluated once the boot module's WHEP offer is out.
  if (mode === 'viewer') plugins.push(preloadChunk('/pages/watch/mount.tsx'));
  if (!testbench && mode !== 'baseline') plugins.push(precompress());
  return {
    root,
    base: testbench ? '/__testbench/' : '/',
    plugins,
    resolve: { alias: mode === 'viewer' ? preactAliases : [] },
    build: {
      outDir: fileURLToPath(new URL(testbench ? './node_modules/.afritok/testbench-web' : './dist-web', import.meta.url)),
      // The viewer build adds /watch beside the others.
      emptyOutDir: mode !== 'viewer',
      sourcemap: true,
      rollupOptions: { input: inputsFor(mode) },
    },
  };
});
