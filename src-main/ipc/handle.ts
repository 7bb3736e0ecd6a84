import {
  channels,
  type ChannelName,
  type IpcResult,
  type ParsedRequestOf,
  type ResponseOf,
} from '../../protocol/ipc.js';
import { IpcFailure, toIpcError } from './errors.js';
import { isTrustedFrame, type FrameLike } from '../security/origin.js';
import { log } from '../lib/log.js';

/** The part of an invoke event we rely on (Electron's IpcMainInvokeEvent satisfies it). */
export interface InvokeEventLike {
  readonly senderFrame: FrameLike | null;
  readonly sender: { readonly id: number };
}

/** The part of ipcMain we rely on. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

/** Who is calling: the webContents id keys per-window state (capture pick, open recordings). */
export interface CallContext {
  readonly senderId: number;
}

export type Handler<C extends ChannelName> = (
  request: ParsedRequestOf<C>,
  context: CallContext,
) => ResponseOf<C> | Promise<ResponseOf<C>>;

export interface IpcRouter {
  handle<C extends ChannelName>(channel: C, handler: Handler<C>): void;
  /** Removes every handler registered through this router. */
  dispose(): void;
}

/**
 * Registers typed handlers: each call is refused unless it comes from our page's top frame, its
 * payload is parsed with the channel's schema, and the outcome is wrapped in `{ok, value | error}`.
 */
export function createIpcRouter(ipcMain: IpcMainLike, trustedOrigins: () => readonly string[]): IpcRouter {
  const registered: string[] = [];
  return {
    handle(channel, handler) {
      const schema = channels[channel].request;
      ipcMain.handle(channel, async (event, payload): Promise<IpcResult<unknown>> => {
        try {
          if (!isTrustedFrame(event.senderFrame, trustedOrigins())) {
            log.warn(`refused ${channel} from an untrusted frame`, event.senderFrame?.url ?? null);
            throw new IpcFailure('forbidden', 'This page may not use the studio API');
          }
          const request = schema.parse(payload ?? {}) as ParsedRequestOf<typeof channel>;
          return { ok: true, value: await handler(request, { senderId: event.sender.id }) };
        } catch (err) {
          const error = toIpcError(err);
          if (error.code === 'internal') log.error(`${channel} failed`, err);
          return { ok: false, error };
        }
      });
      registered.push(channel);
    },
    dispose() {
      registered.splice(0).forEach((channel) => ipcMain.removeHandler(channel));
    },
  };
}
