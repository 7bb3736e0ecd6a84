/**
 * The WHIP/WHEP HTTP exchange itself, with no validation library: the watch page's boot module offers
 * WHEP before zod is loaded (early-whep.ts), and http.ts builds its checked calls on these.
 */

export interface SdpReply {
  status: number;
  /** The answer SDP on 201, else the server's error body. */
  text: string;
  /** The resource URL, absolute (a relative `Location` resolved against the URL that answered), or null. */
  resourceUrl: string | null;
}

function authHeaders(token: string | null): Record<string, string> {
  return token ? { authorization: `Bearer ${token}` } : {};
}

/** POSTs an SDP offer (RFC 9725 style), with the sign-in cookie and, when given, a Bearer token. */
export async function postSdp(url: string, offerSdp: string, token: string | null): Promise<SdpReply> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/sdp', ...authHeaders(token) },
    credentials: 'include',
    body: offerSdp,
  });
  const text = await res.text();
  const location = res.headers.get('location');
  // After a 307 to the node holding the publisher, Location is relative to that node.
  return { status: res.status, text, resourceUrl: location ? new URL(location, res.url || url).toString() : null };
}

/** Ends a WHIP/WHEP resource; failures are ignored (the server drops idle peers on its own). */
export async function deleteResource(resourceUrl: string, token: string | null): Promise<void> {
  await fetch(resourceUrl, { method: 'DELETE', headers: authHeaders(token), credentials: 'include' }).catch(() => undefined);
}
