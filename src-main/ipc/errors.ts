import { z } from 'zod';
import type { IpcError, IpcErrorCode } from '../../protocol/ipc.js';

/** An expected failure a handler reports to the renderer with its code and a human message. */
export class IpcFailure extends Error {
  constructor(
    readonly code: IpcErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'IpcFailure';
  }
}

export const ipcFail = {
  invalid: (message: string) => new IpcFailure('invalid_input', message),
  forbidden: (message = 'Not allowed') => new IpcFailure('forbidden', message),
  notFound: (message: string) => new IpcFailure('not_found', message),
  cancelled: (message = 'Cancelled by the user') => new IpcFailure('cancelled', message),
  unavailable: (message: string) => new IpcFailure('unavailable', message),
  corrupt: (message: string) => new IpcFailure('corrupt_file', message),
};

/** Reduces anything thrown to the closed error set; unexpected errors never leak their details. */
export function toIpcError(err: unknown): IpcError {
  if (err instanceof IpcFailure) return { code: err.code, message: err.message };
  if (err instanceof z.ZodError) return { code: 'invalid_input', message: z.prettifyError(err) };
  return { code: 'internal', message: 'Unexpected error in the studio' };
}
