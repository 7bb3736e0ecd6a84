import { randomUUID } from 'node:crypto';
import { mkdir, open, type FileHandle } from 'node:fs/promises';
import { join, relative, isAbsolute } from 'node:path';
import { ipcFail } from '../../ipc/errors.js';
import { numberedName, sanitizeRecordingName } from './file-name.js';

interface OpenRecording {
  readonly ownerId: number;
  readonly handle: FileHandle;
  readonly path: string;
  readonly fileName: string;
  bytes: number;
  /** Appends are chained so chunks land in the order they were sent, even if invoked concurrently. */
  queue: Promise<void>;
}

export interface RecordingWriter {
  open(ownerId: number, name: string): Promise<{ id: string; fileName: string }>;
  append(ownerId: number, id: string, chunk: Uint8Array): Promise<{ bytesWritten: number }>;
  close(ownerId: number, id: string): Promise<{ fileName: string; path: string; bytes: number }>;
  /** Closes whatever a window left open (it closed or crashed mid-recording). */
  closeAllOf(ownerId: number): Promise<void>;
  closeAll(): Promise<void>;
}

const MAX_NAME_ATTEMPTS = 1000;

function insideFolder(folder: string, file: string): boolean {
  const rel = relative(folder, file);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

/** Opens a new file exclusively ('wx'): never overwrites, never follows a planted file. */
async function createUnique(folder: string, fileName: string): Promise<{ handle: FileHandle; path: string; fileName: string }> {
  for (let n = 1; n <= MAX_NAME_ATTEMPTS; n++) {
    const candidate = numberedName(fileName, n);
    const path = join(folder, candidate);
    if (!insideFolder(folder, path)) throw ipcFail.invalid('Invalid recording name');
    try {
      return { handle: await open(path, 'wx'), path, fileName: candidate };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
  throw ipcFail.unavailable('Too many recordings with this name');
}

/** Streams recordings to `.webm` files in the folder `folderOf()` names at open time. */
export function createRecordingWriter(folderOf: () => string): RecordingWriter {
  const open = new Map<string, OpenRecording>();

  function owned(ownerId: number, id: string): OpenRecording {
    const recording = open.get(id);
    if (!recording || recording.ownerId !== ownerId) throw ipcFail.notFound('No such recording in progress');
    return recording;
  }

  async function finish(id: string, recording: OpenRecording) {
    open.delete(id);
    await recording.queue.catch(() => undefined);
    await recording.handle.close();
    return { fileName: recording.fileName, path: recording.path, bytes: recording.bytes };
  }

  return {
    async open(ownerId, name) {
      const folder = folderOf();
      await mkdir(folder, { recursive: true });
      const file = await createUnique(folder, sanitizeRecordingName(name));
      const id = randomUUID();
      open.set(id, { ownerId, ...file, bytes: 0, queue: Promise.resolve() });
      return { id, fileName: file.fileName };
    },
    async append(ownerId, id, chunk) {
      const recording = owned(ownerId, id);
      const write = recording.queue.then(async () => {
        await recording.handle.write(chunk);
        recording.bytes += chunk.byteLength;
      });
      recording.queue = write.catch(() => undefined);
      await write;
      return { bytesWritten: chunk.byteLength };
    },
    close: (ownerId, id) => finish(id, owned(ownerId, id)),
    async closeAllOf(ownerId) {
      const mine = [...open].filter(([, recording]) => recording.ownerId === ownerId);
      await Promise.all(mine.map(([id, recording]) => finish(id, recording)));
    },
    async closeAll() {
      await Promise.all([...open].map(([id, recording]) => finish(id, recording)));
    },
  };
}
