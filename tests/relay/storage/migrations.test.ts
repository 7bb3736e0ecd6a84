/**
 * The committed migrations match the schema: drizzle-kit, run on a copy of each dialect's
 * migrations folder, finds nothing to generate. Fails when a table or column was changed without
 * `npm run db:generate`.
 */
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../../..');
// drizzle-kit reads `out` relative to the working directory (an absolute path breaks it).

async function generatedInto(dialect: 'mysql' | 'sqlite'): Promise<{ before: string[]; after: string[]; said: string }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `afritok-migrations-${dialect}-`));
  try {
    await cp(path.join(root, 'relay-server/drizzle', dialect), dir, { recursive: true });
    const config = path.join(dir, 'drizzle.config.mjs');
    const schema = path.join(root, `relay-server/src/storage/${dialect}/schema.ts`);
    await writeFile(config, `export default ${JSON.stringify({ dialect, schema, out: path.relative(root, dir), breakpoints: true })};\n`);
    const before = await readdir(dir, { recursive: true });
    // drizzle-kit exits 0 even when it fails, so what it printed is checked too.
    const { stdout, stderr } = await run(path.join(root, 'node_modules/.bin/drizzle-kit'), ['generate', '--config', config], { cwd: root });
    return { before, after: await readdir(dir, { recursive: true }), said: stdout + stderr };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe('migrations', () => {
  it.each(['mysql', 'sqlite'] as const)('%s: the committed migrations already describe the schema', async (dialect) => {
    const { before, after, said } = await generatedInto(dialect);
    expect(said).toContain('No schema changes');
    expect(after.sort()).toEqual(before.sort());
  }, 60_000);
});
