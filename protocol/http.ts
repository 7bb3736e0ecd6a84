import { z } from 'zod';

export type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/** One HTTP route of the relay: the single place its path and shapes are written. */
export interface RouteDef<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
> {
  method: Method;
  path: string;
  params: P;
  query: Q;
  body: B;
  reply: R;
  /** Status of a success; 204 means no body. */
  status: number;
}

const NoParams = z.object({});
const NoQuery = z.strictObject({});
const NoBody = z.union([z.strictObject({}), z.undefined()]);
export const NoReply = z.undefined();

export function route<
  P extends z.ZodType = typeof NoParams,
  Q extends z.ZodType = typeof NoQuery,
  B extends z.ZodType = typeof NoBody,
  R extends z.ZodType = typeof NoReply,
>(def: { method: Method; path: string; params?: P; query?: Q; body?: B; reply?: R; status?: number }): RouteDef<P, Q, B, R> {
  return {
    method: def.method,
    path: def.path,
    params: (def.params ?? NoParams) as P,
    query: (def.query ?? NoQuery) as Q,
    body: (def.body ?? NoBody) as B,
    reply: (def.reply ?? NoReply) as R,
    status: def.status ?? (def.reply ? (def.method === 'POST' ? 201 : 200) : 204),
  };
}

/** Fills `:name` segments of a route path. */
export function buildPath(path: string, params: Record<string, string>): string {
  return path.replace(/:([a-zA-Z]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`missing path parameter ${name}`);
    return encodeURIComponent(value);
  });
}
