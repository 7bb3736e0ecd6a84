import type { IpcRouter } from '../../ipc/handle.js';
import type { CaptureService } from './service.js';

export function registerCaptureIpc(router: IpcRouter, capture: CaptureService): void {
  router.handle('capture:listSources', async ({ kinds, thumbnailWidth }, { senderId }) => ({
    sources: await capture.listSources(senderId, kinds, thumbnailWidth),
    pickedBySystem: capture.pickedBySystem,
  }));
  router.handle('capture:selectSource', ({ sourceId, systemAudio }, { senderId }) =>
    capture.select(senderId, sourceId, systemAudio),
  );
  router.handle('capture:clearSelection', (_request, { senderId }) => {
    capture.clear(senderId);
    return null;
  });
}
