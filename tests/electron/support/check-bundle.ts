/**
 * Checks the electron-vite output without running Electron: the sandboxed preload is CommonJS and
 * requires nothing but `electron`; main imports only `electron` and Node built-ins (every dependency
 * is bundled, so the packaged app needs no node_modules). Run by scripts/electron-tests.sh after the build.
 */
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';

const out = (path: string): string => readFileSync(fileURLToPath(new URL(`../../../out/${path}`, import.meta.url)), 'utf8');
const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
const problems: string[] = [];

const preload = out('preload/index.cjs');
const preloadRequires = [...preload.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]);
if (/^\s*(import|export)\s/m.test(preload)) problems.push('preload is not CommonJS');
for (const name of preloadRequires) if (name !== 'electron') problems.push(`preload requires "${name}"`);

const main = out('main/index.js');
const mainImports = [...main.matchAll(/\bfrom "([^"]+)"|\bimport\("([^"]+)"\)|require\("([^"]+)"\)/g)].map((m) => m[1] ?? m[2] ?? m[3]);
for (const name of mainImports) {
  if (name && name !== 'electron' && !name.startsWith('electron/') && !builtins.has(name)) problems.push(`main imports "${name}"`);
}

if (problems.length > 0) {
  process.stderr.write(`electron bundle check failed:\n  ${problems.join('\n  ')}\n`);
  process.exit(1);
}
process.stdout.write(`electron bundle check: preload requires [${preloadRequires.join(', ')}]; main imports ${new Set(mainImports).size} modules, all electron or node built-ins\n`);
