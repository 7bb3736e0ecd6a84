import { ErrorBody } from '../../../../protocol/common.js';
import { routes } from '../../../../protocol/routes.js';
import type { MediaHint } from '../../../../protocol/media.js';
import { RelayError, type ApiClient } from '../../api/client.js';

/** Where to publish or play a session's program, and over which transport (GET /sessions/:id/media). */
export async function getMediaHint(api: ApiClient, sessionId: string): Promise<MediaHint> {
  return (await api.call(routes.mediaHint, { params: { id: sessionId } })).media;
}

/** A relay-relative URL (`/api/whep/…`) made absolute against the relay; external URLs stay as they are. */
export function resolveMediaUrl(api: ApiClient, url: string): string {
  return new URL(url, `${api.baseUrl}/`).toString();
}

export interface SdpExchange {
  answerSdp: string;
  /** The resource URL from `Location`, to DELETE when done. */
  resourceUrl: string;
}

function authHeaders(token: string | null): Record<string, string> {
  return token ? { authorization: `Bearer ${token}` } : {};
}

/** POSTs an SDP offer to a WHIP/WHEP endpoint (RFC 9725 style): 201 + SDP answer + Location. */
export async function exchangeSdp(url: string, offerSdp: string, token: string | null): Promise<SdpExchange> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/sdp', ...authHeaders(token) },
    credentials: 'include',
    body: offerSdp,
  });
  const text = await res.text();
  if (res.status !== 201) {
    let json: unknown = null;
    try {
      json = JSON.parse(text);
    } catch {
      // an external media server may answer in plain text
    }
    const parsed = ErrorBody.safeParse(json);
    throw new RelayError(res.status, parsed.success ? parsed.data.error : { code: 'internal', message: `HTTP ${res.status}` });
  }
  const location = res.headers.get('location');
  if (!location) throw new RelayError(res.status, { code: 'internal', message: 'WHIP/WHEP answer without Location' });
  // After a 307 to the node holding the publisher, Location is relative to that node.
  return { answerSdp: text, resourceUrl: new URL(location, res.url || url).toString() };
}

/** Ends a WHIP/WHEP resource; failures are ignored (the server drops idle peers on its own). */
export async function deleteResource(resourceUrl: string, token: string | null): Promise<void> {
  await fetch(resourceUrl, { method: 'DELETE', headers: authHeaders(token), credentials: 'include' }).catch(() => undefined);
}
