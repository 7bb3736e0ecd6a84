import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const here = (p: string): string => fileURLToPath(new URL(p, import.meta.url));

/**
 * One folder per process → out/{main,preload,renderer}.
 * - main: ESM (package.json is "type": "module"), every dependency bundled so the packaged app
 *   needs no node_modules.
 * - preload: CommonJS with everything bundled: a sandboxed preload can neither load ESM nor
 *   require anything but a few Electron built-ins.
 * - renderer: the studio page only; the browser pages are built by vite.web.config.ts.
 */
export default defineConfig({
  main: {
    build: {
      externalizeDeps: false,
      outDir: here('./out/main'),
      rolldownOptions: { input: { index: here('./src-main/index.ts') } },
    },
  },
  preload: {
    build: {
      externalizeDeps: false,
      outDir: here('./out/preload'),
      rolldownOptions: {
        input: { index: here('./src-preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: here('./src-renderer'),
    plugins: [react()],
    build: {
      outDir: here('./out/renderer'),
      rolldownOptions: { input: { studio: here('./src-renderer/studio.html') } },
    },
  },
});
