import type { Request, Response, Router } from 'express';
import type { z } from 'zod';
import type { RouteDef } from '../../../protocol/http.js';
import { AppError, fail, zodDetails } from '../core/errors.js';
import type { Actor } from '../core/actor.js';
import { sendError } from './errors.js';

export interface HttpInput<R extends RouteDef> {
  params: z.output<R['params']>;
  query: z.output<R['query']>;
  body: z.output<R['body']>;
  /** Null when the request carries no valid token. */
  actor: Actor | null;
  req: Request;
  res: Response;
}

export type HttpHandler<R extends RouteDef> = (input: HttpInput<R>) => Promise<z.input<R['reply']>>;

const lower = { GET: 'get', POST: 'post', PATCH: 'patch', DELETE: 'delete' } as const;

function parsePart<S extends z.ZodType>(schema: S, value: unknown, part: string): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw fail.invalidInput(`Invalid ${part}`, zodDetails(result.error.issues));
  return result.data;
}

/** The actor the auth middleware resolved for this request. */
export function actorOf(res: Response): Actor | null {
  const actor: unknown = res.locals.actor;
  return actor ? (actor as Actor) : null;
}

/** Overrides a route's success status for this reply (e.g. 200 for an idempotent replay of a 201 route). */
export function setSuccessStatus(res: Response, status: number): void {
  res.locals.successStatus = status;
}

function successStatusOf(res: Response): number | undefined {
  const status: unknown = res.locals.successStatus;
  return typeof status === 'number' ? status : undefined;
}

/**
 * Mounts one route of the protocol table: validates params, query and body with its schemas,
 * runs the handler, and answers with the route's success status or the error shape.
 */
export function mount<R extends RouteDef>(router: Router, def: R, handler: HttpHandler<R>): void {
  const path = def.path.replace(/^\/api/, '');
  router[lower[def.method]](path, async (req: Request, res: Response) => {
    try {
      const params = parsePart<R['params']>(def.params, { ...req.params }, 'path');
      const query = parsePart<R['query']>(def.query, { ...(req.query as Record<string, unknown>) }, 'query');
      // express.json() leaves req.body undefined when no JSON body was sent.
      const body = parsePart<R['body']>(def.body, req.body as unknown, 'body');
      const reply = await handler({ params, query, body, actor: actorOf(res), req, res });
      const status = successStatusOf(res) ?? def.status;
      if (def.status === 204 || reply === undefined) res.status(def.status === 204 ? 204 : status).end();
      else res.status(status).json(reply);
    } catch (err) {
      sendError(res, err, req);
    }
  });
}

export { AppError };
