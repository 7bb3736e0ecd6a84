/**
 * WHIP/WHEP variants of the program publisher and player (see ../index.ts `transport: 'whip'`), and
 * `chooseTransport`, which asks the relay (GET /sessions/:id/media) which transport a session uses.
 */
import type { ApiClient } from '../../api/client.js';
import { getMediaHint } from './http.js';

export { WhipProgramPublisher, type WhipPublisherOptions } from './whip-publisher.js';
export { WhepProgramPlayer, type WhepPlayerOptions } from './whep-player.js';
export { getMediaHint } from './http.js';

/** 'whip' when the relay says the session goes through WHIP/WHEP (public sessions by default), else 'p2p'. */
export async function chooseTransport(api: ApiClient, sessionId: string): Promise<'p2p' | 'whip'> {
  return (await getMediaHint(api, sessionId)).transport;
}
