/**
 * `npm run build:web`: the browser pages into dist-web/, in two Vite builds (see vite.web.config.ts):
 * /, /join and /studio on React, then /watch on preact/compat. `--baseline --outDir <dir>`: the pre-issue-15
 * build (every page on React, nothing precompressed) for bench/page-weight.
 */
import { build } from 'vite';

// A production build whatever called it: under vitest (NODE_ENV=test) Vite would otherwise bundle React's
// development build.
process.env.NODE_ENV = 'production';

const args = process.argv.slice(2);
const outIndex = args.indexOf('--outDir');
const outDir = outIndex >= 0 ? args[outIndex + 1] : undefined;
const logLevel = args.includes('--quiet') ? 'warn' : 'info';
const configFile = new URL('../vite.web.config.ts', import.meta.url).pathname;
const modes = args.includes('--baseline') ? ['baseline'] : ['production', 'viewer'];

for (const mode of modes) {
  await build({ configFile, mode, logLevel, ...(outDir ? { build: { outDir, emptyOutDir: mode !== 'viewer' } } : {}) });
}
