import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('./src-renderer', import.meta.url));
const page = (file: string) => fileURLToPath(new URL(`./src-renderer/${file}`, import.meta.url));

/**
 * The browser pages, one Vite entry each; the relay serves `dist-web` and maps
 * `/` → index.html, `/watch/:id` → watch.html, `/join/:token` → join.html, `/studio` → studio.html.
 *
 * `AFRITOK_TESTBENCH=1` builds ONLY the e2e test publisher page into `node_modules/.afritok/testbench-web`
 * (served to Chromium by Playwright route interception, never by the relay): test hooks never reach
 * a production build.
 */
const testbench = process.env.AFRITOK_TESTBENCH === '1';

export default defineConfig({
  root,
  base: testbench ? '/__testbench/' : '/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL(testbench ? './node_modules/.afritok/testbench-web' : './dist-web', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    rollupOptions: {
      input: testbench
        ? { testbench: page('pages/testbench/index.html') }
        : {
            index: page('index.html'),
            watch: page('watch.html'),
            join: page('join.html'),
            studio: page('studio.html'),
          },
    },
  },
});
