import type { IpcRouter } from '../../ipc/handle.js';
import type { SettingsStore } from '../settings/store.js';
import type { RecordingWriter } from './writer.js';

export interface RecordingsDeps {
  writer: RecordingWriter;
  settings: SettingsStore;
  /** Shows the OS folder dialog; null when the user cancels. */
  chooseFolder: (current: string) => Promise<string | null>;
  /** The folder used until the user chooses one. */
  defaultFolder: () => string;
  showFolder: (folder: string) => Promise<void>;
}

export function registerRecordingsIpc(router: IpcRouter, deps: RecordingsDeps): void {
  const folder = (): string => deps.settings.get().recordingsFolder ?? deps.defaultFolder();
  router.handle('recordings:chooseFolder', async () => {
    const chosen = await deps.chooseFolder(folder());
    if (chosen === null) return { folder: null };
    await deps.settings.setRecordingsFolder(chosen);
    return { folder: chosen };
  });
  router.handle('recordings:open', ({ name }, { senderId }) => deps.writer.open(senderId, name));
  router.handle('recordings:append', ({ id, chunk }, { senderId }) => deps.writer.append(senderId, id, chunk));
  router.handle('recordings:close', ({ id }, { senderId }) => deps.writer.close(senderId, id));
  router.handle('recordings:showFolder', async () => {
    await deps.showFolder(folder());
    return null;
  });
}
