/** Minimal WHIP/WHEP HTTP client for tests and the benchmark (no trickle: offers carry every candidate). */
export interface WhipReply {
  status: number;
  /** The SDP answer on 201, else the raw body (the contract's JSON error). */
  body: string;
  location: string | null;
  contentType: string | null;
  /** The URL that answered (after redirects: the node holding the publisher). */
  finalUrl: string;
}

export async function postOffer(url: string, sdp: string, options: { token?: string; contentType?: string } = {}): Promise<WhipReply> {
  const headers: Record<string, string> = { 'content-type': options.contentType ?? 'application/sdp' };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const res = await fetch(url, { method: 'POST', headers, body: sdp });
  return {
    status: res.status,
    body: await res.text(),
    location: res.headers.get('location'),
    contentType: res.headers.get('content-type'),
    finalUrl: res.url || url,
  };
}

export async function deleteResource(url: string, token?: string): Promise<number> {
  const res = await fetch(url, { method: 'DELETE', headers: token ? { authorization: `Bearer ${token}` } : {} });
  await res.arrayBuffer();
  return res.status;
}
