import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { z } from 'zod';

export type JsonRead<T> = { kind: 'missing' } | { kind: 'invalid'; reason: string } | { kind: 'ok'; value: T };

/** Reads and validates a JSON file; never throws for a missing or damaged file. */
export async function readJsonFile<S extends z.ZodType>(file: string, schema: S): Promise<JsonRead<z.output<S>>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    throw err;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { kind: 'invalid', reason: 'not JSON' };
  }
  const parsed = schema.safeParse(raw);
  return parsed.success ? { kind: 'ok', value: parsed.data } : { kind: 'invalid', reason: parsed.error.message };
}

/** Writes through a temporary file and a rename, so a crash never leaves half a file behind. */
export async function writeJsonFile(file: string, value: unknown): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, `${JSON.stringify(value, null, 2)}\n`, 'utf8');
  await rename(temp, file);
}
