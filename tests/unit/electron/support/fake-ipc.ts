/**
 * A hand-written stand-in for Electron's ipcMain and invoke events (the Electron binary cannot run
 * under vitest). It calls the registered listeners exactly as ipcMain would.
 */
import type { InvokeEventLike, IpcMainLike } from '../../../../src-main/ipc/handle.js';
import type { FrameLike } from '../../../../src-main/security/origin.js';
import { createIpcRouter, type IpcRouter } from '../../../../src-main/ipc/handle.js';
import { trustedOrigins } from '../../../../src-main/security/origin.js';
import { channels, type ChannelName, type IpcResult, type ResponseOf } from '../../../../protocol/ipc.js';

type Listener = (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>;

export class FakeIpcMain implements IpcMainLike {
  readonly listeners = new Map<string, Listener>();
  handle(channel: string, listener: Listener): void {
    if (this.listeners.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.listeners.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.listeners.delete(channel);
  }
  /** What `ipcRenderer.invoke(channel, payload)` from `frame` resolves to. */
  async invoke(channel: string, payload: unknown, from: { frame?: FrameLike | null; senderId?: number } = {}) {
    const listener = this.listeners.get(channel);
    if (!listener) throw new Error(`No handler registered for '${channel}'`);
    const frame = from.frame === undefined ? studioFrame() : from.frame;
    return listener({ senderFrame: frame, sender: { id: from.senderId ?? 1 } }, payload);
  }
}

export const studioFrame = (path = '/studio.html'): FrameLike => ({ url: `app://studio${path}`, parent: null });
export const subFrame = (): FrameLike => ({ url: 'app://studio/embedded.html', parent: studioFrame() });
export const foreignFrame = (url = 'https://evil.example/'): FrameLike => ({ url, parent: null });

/** A router over a fake ipcMain, trusting our production origin only. */
export function fakeRouter(): { ipc: FakeIpcMain; router: IpcRouter } {
  const ipc = new FakeIpcMain();
  return { ipc, router: createIpcRouter(ipc, () => trustedOrigins(undefined)) };
}

/** Invokes, and checks the reply against the channel map: a success must match `response`. */
export async function call<C extends ChannelName>(
  ipc: FakeIpcMain,
  channel: C,
  payload: unknown,
  from?: { frame?: FrameLike | null; senderId?: number },
): Promise<IpcResult<ResponseOf<C>>> {
  const result = (await ipc.invoke(channel, payload, from)) as IpcResult<ResponseOf<C>>;
  if (result.ok) channels[channel].response.parse(result.value);
  return result;
}

/** The value of a successful envelope, or a failed assertion showing the error. */
export function valueOf<T>(result: IpcResult<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}
