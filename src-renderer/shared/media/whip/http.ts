import { ErrorBody } from '../../../../protocol/common.js';
import { routes } from '../../../../protocol/routes.js';
import type { MediaHint } from '../../../../protocol/media.js';
import { RelayError, type ApiClient } from '../../api/client.js';
import { postSdp } from './wire.js';

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

/** POSTs an SDP offer to a WHIP/WHEP endpoint: 201 + SDP answer + Location, else a RelayError. */
export async function exchangeSdp(url: string, offerSdp: string, token: string | null): Promise<SdpExchange> {
  const reply = await postSdp(url, offerSdp, token);
  if (reply.status !== 201) {
    let json: unknown = null;
    try {
      json = JSON.parse(reply.text);
    } catch {
      // an external media server may answer in plain text
    }
    const parsed = ErrorBody.safeParse(json);
    throw new RelayError(reply.status, parsed.success ? parsed.data.error : { code: 'internal', message: `HTTP ${reply.status}` });
  }
  if (!reply.resourceUrl) throw new RelayError(reply.status, { code: 'internal', message: 'WHIP/WHEP answer without Location' });
  return { answerSdp: reply.text, resourceUrl: reply.resourceUrl };
}
