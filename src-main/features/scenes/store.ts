import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { z } from 'zod';
import { CollectionName, SceneCollection } from '../../../protocol/ipc.js';
import { ipcFail } from '../../ipc/errors.js';
import { readJsonFile, writeJsonFile } from '../../lib/json-file.js';

/** A collection file stays small; a bigger one is a bug in the caller, not a scene. */
export const MAX_COLLECTION_BYTES = 5 * 1024 * 1024;
const SUFFIX = '.json';

export interface SceneStore {
  list(): Promise<string[]>;
  load(name: string): Promise<SceneCollection | null>;
  save(name: string, data: z.output<typeof SceneCollection>['data']): Promise<SceneCollection>;
  remove(name: string): Promise<void>;
}

/**
 * Scene collections as one JSON file each in `folder`. Names are validated by CollectionName
 * (letters, digits, space, _ and -), so a name can never reach outside the folder.
 */
export function createSceneStore(folder: string, now: () => Date = () => new Date()): SceneStore {
  const fileOf = (name: string): string => join(folder, `${CollectionName.parse(name)}${SUFFIX}`);
  return {
    async list() {
      const entries = await readdir(folder).catch(() => [] as string[]);
      return entries
        .filter((file) => file.endsWith(SUFFIX))
        .map((file) => file.slice(0, -SUFFIX.length))
        .filter((name) => CollectionName.safeParse(name).success)
        .sort((a, b) => a.localeCompare(b));
    },
    async load(name) {
      const read = await readJsonFile(fileOf(name), SceneCollection);
      if (read.kind === 'missing') return null;
      if (read.kind === 'invalid') throw ipcFail.corrupt(`The scene collection "${name}" is damaged`);
      return read.value;
    },
    async save(name, data) {
      const collection: SceneCollection = { name, savedAt: now().toISOString(), data };
      if (Buffer.byteLength(JSON.stringify(collection)) > MAX_COLLECTION_BYTES) {
        throw ipcFail.invalid('The scene collection is too large');
      }
      await writeJsonFile(fileOf(name), collection);
      return collection;
    },
    async remove(name) {
      await rm(fileOf(name), { force: true });
    },
  };
}
