import type { z } from 'zod';
import { buildPath, type RouteDef } from '../../../protocol/http.js';
import { ErrorBody, type ApiError } from '../../../protocol/common.js';
import { takePrefetched } from './prefetch.js';

/** A failed call to the relay, carrying the contract's error code. */
export class RelayError extends Error {
  constructor(
    readonly status: number,
    readonly error: ApiError,
  ) {
    super(error.message);
    this.name = 'RelayError';
  }
}

export interface CallInput<R extends RouteDef> {
  params?: z.input<R['params']>;
  query?: z.input<R['query']>;
  body?: z.input<R['body']>;
}

export interface ApiClient {
  call<R extends RouteDef>(route: R, input?: CallInput<R>): Promise<z.output<R['reply']>>;
  readonly baseUrl: string;
}

/**
 * Typed HTTP client for the relay's route table. `getToken` supplies the Bearer token
 * (the cookie is sent too, for same-origin pages).
 */
export function createApiClient(baseUrl: string, getToken: () => string | null): ApiClient {
  const root = baseUrl.replace(/\/$/, '');
  return {
    baseUrl: root,
    async call<R extends RouteDef>(route: R, input: CallInput<R> = {}): Promise<z.output<R['reply']>> {
      const path = buildPath(route.path, (input.params ?? {}) as Record<string, string>);
      const query = input.query ? `?${new URLSearchParams(input.query as Record<string, string>).toString()}` : '';
      const headers: Record<string, string> = {};
      const token = getToken();
      if (token) headers.authorization = `Bearer ${token}`;
      if (input.body !== undefined) headers['content-type'] = 'application/json';
      const url = `${root}${path}${query}`;
      const body = input.body === undefined ? undefined : JSON.stringify(input.body);
      // A page's boot module may have asked already (cookie-authenticated: never with a Bearer token).
      const early = token ? undefined : takePrefetched(route.method, url, body);
      const res = await (early ?? fetch(url, { method: route.method, headers, credentials: 'include', body }));
      if (res.status === 204) return parseReply(route, undefined);
      const json: unknown = await res.json().catch(() => null);
      if (!res.ok) {
        const parsed = ErrorBody.safeParse(json);
        throw new RelayError(res.status, parsed.success ? parsed.data.error : { code: 'internal', message: `HTTP ${res.status}` });
      }
      return parseReply(route, json);
    },
  };
}

function parseReply<R extends RouteDef>(route: R, json: unknown): z.output<R['reply']> {
  return route.reply.parse(json) as z.output<R['reply']>;
}
