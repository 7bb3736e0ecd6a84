/**
 * Requests a page starts before its main script has evaluated. A page's boot module (no zod, no React:
 * a few kilobytes) asks for what the page will need first; the API client takes each reply once, by
 * method, URL and body, so those round trips overlap the ~150 ms the main bundle takes to evaluate.
 * A reply nobody takes is simply dropped with the page.
 */
export interface EarlyRequest {
  method: 'GET' | 'POST';
  /** Absolute URL, exactly as the API client will build it. */
  url: string;
  body?: unknown;
}

const early = new Map<string, Promise<Response>>();

function keyOf(method: string, url: string, body: string | undefined): string {
  return `${method} ${url} ${body ?? ''}`;
}

/** Starts `request` now (same-origin, with the sign-in cookie, as the API client sends it). */
export function prefetch(request: EarlyRequest): Promise<Response> {
  const body = request.body === undefined ? undefined : JSON.stringify(request.body);
  const reply = fetch(request.url, {
    method: request.method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    credentials: 'include',
    body,
  });
  early.set(keyOf(request.method, request.url, body), reply);
  // Nobody may take it (the page went another way): a failure must not surface as unhandled.
  reply.catch(() => undefined);
  return reply;
}

/** The reply of a prefetched request with this method, URL and serialized body, once; else undefined. */
export function takePrefetched(method: string, url: string, body: string | undefined): Promise<Response> | undefined {
  const key = keyOf(method, url, body);
  const reply = early.get(key);
  early.delete(key);
  return reply;
}
