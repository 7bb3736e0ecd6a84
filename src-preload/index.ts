/**
 * Sandboxed preload: exposes the typed studio API as `window.studio` and nothing else.
 * Raw ipcRenderer never leaves this file; listeners get the payload only, never the IPC event.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { createStudioApi, type IpcBridge } from './api.js';

const bridge: IpcBridge = {
  invoke: (channel, request) => ipcRenderer.invoke(channel, request),
  on(event, listener) {
    const wrapped = (_event: IpcRendererEvent, payload: unknown): void => listener(payload);
    ipcRenderer.on(event, wrapped);
    return () => {
      ipcRenderer.removeListener(event, wrapped);
    };
  },
};

contextBridge.exposeInMainWorld('studio', createStudioApi(bridge));
