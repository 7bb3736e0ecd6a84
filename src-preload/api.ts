/**
 * The studio's narrow API (`window.studio`), one line per operation, built over a typed IPC bridge.
 * Only types come from the channel map, so this file carries no Node, Electron or zod code and the
 * renderer can import `StudioApi` as a type (see api-types.ts).
 */
import type {
  ChannelName,
  EventName,
  EventPayload,
  IpcResult,
  RequestOf,
  ResponseOf,
} from '../protocol/ipc.js';

/** The two raw operations; index.ts implements them with ipcRenderer, tests with anything. */
export interface IpcBridge {
  invoke(channel: string, request: unknown): Promise<unknown>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}

export function createStudioApi(bridge: IpcBridge) {
  const call = <C extends ChannelName>(channel: C, request: RequestOf<C>) =>
    bridge.invoke(channel, request) as Promise<IpcResult<ResponseOf<C>>>;
  const on =
    <E extends EventName>(event: E) =>
    (listener: (payload: EventPayload<E>) => void): (() => void) =>
      bridge.on(event, (payload) => listener(payload as EventPayload<E>));

  return {
    app: {
      info: () => call('app:info', {}),
      openExternal: (url: string) => call('app:openExternal', { url }),
      onMenuCommand: on('menu:command'),
    },
    settings: {
      get: () => call('settings:get', {}),
      update: (patch: RequestOf<'settings:update'>) => call('settings:update', patch),
      onChanged: on('settings:changed'),
    },
    auth: {
      getToken: () => call('auth:getToken', {}),
      setToken: (token: string) => call('auth:setToken', { token }),
      clearToken: () => call('auth:clearToken', {}),
      persistence: () => call('auth:persistence', {}),
    },
    scenes: {
      list: () => call('scenes:list', {}),
      load: (name: string) => call('scenes:load', { name }),
      save: (name: string, data: RequestOf<'scenes:save'>['data']) => call('scenes:save', { name, data }),
      remove: (name: string) => call('scenes:delete', { name }),
    },
    capture: {
      listSources: (options: RequestOf<'capture:listSources'> = {}) => call('capture:listSources', options),
      selectSource: (sourceId: string, systemAudio = false) => call('capture:selectSource', { sourceId, systemAudio }),
      clearSelection: () => call('capture:clearSelection', {}),
    },
    recordings: {
      chooseFolder: () => call('recordings:chooseFolder', {}),
      open: (name: string) => call('recordings:open', { name }),
      append: (id: string, chunk: Uint8Array) => call('recordings:append', { id, chunk }),
      close: (id: string) => call('recordings:close', { id }),
      showFolder: () => call('recordings:showFolder', {}),
    },
    notifications: {
      show: (notification: RequestOf<'notifications:show'>) => call('notifications:show', notification),
    },
  } as const;
}

/** The shape of `window.studio`. */
export type StudioApi = ReturnType<typeof createStudioApi>;
