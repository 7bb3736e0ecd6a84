/**
 * Whether the watch page's boot module may offer WHEP before the page has evaluated (see
 * shared/media/whip/early-whep.ts): only when its first replies say the player will play WHEP at once,
 * exactly as watch-store's startPlayer would decide. Any doubt (an unexpected reply, a private live
 * reached by invite link, LL-HLS forced or the WebRTC room full, a live not on air) answers no, and the
 * player does what it always did. No zod here (the boot module stays a few kilobytes), so the replies
 * are read with the narrow checks below; the page validates the same replies with the protocol schemas.
 */
import type { EarlyWhepPlan } from '../../shared/media/whip/early-whep.js';
import { hlsFirst } from './first-path.js';

/** The boot module's first replies' JSON bodies (null where a request failed or was not made). */
export interface BootReplies {
  media: unknown;
  hls: unknown;
  session: unknown;
  join: unknown;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const field = (v: unknown, key: string): unknown => (isObject(v) ? v[key] : undefined);
const isString = (v: unknown): v is string => typeof v === 'string';

/** An `IceServer` of the join reply as RTCPeerConnection takes it, or null when it is not one. */
function iceServer(v: unknown): RTCIceServer | null {
  const urls = field(v, 'urls');
  const username = field(v, 'username');
  const credential = field(v, 'credential');
  const urlsOk = isString(urls) || (Array.isArray(urls) && urls.every(isString));
  if (!urlsOk || (username !== undefined && !isString(username)) || (credential !== undefined && !isString(credential))) return null;
  return { urls, ...(isString(username) ? { username } : {}), ...(isString(credential) ? { credential } : {}) };
}

export function earlyWhepPlan(replies: BootReplies, page: { origin: string; search: string }): EarlyWhepPlan | null {
  const forced = new URLSearchParams(page.search).get('transport');
  if (forced === 'hls') return null;
  const media = field(replies.media, 'media');
  const whepUrl = field(media, 'whepUrl');
  if (field(media, 'transport') !== 'whip' || !isString(whepUrl)) return null;
  // LL-HLS first past this node's WebRTC room, by the page's own rule (first-path.ts).
  const hls = field(replies.hls, 'hls');
  const masterUrl = field(hls, 'masterUrl');
  if (hlsFirst(forced, { masterUrl: isString(masterUrl) ? masterUrl : null, webrtcHasRoom: field(hls, 'webrtcHasRoom') === true }, false)) return null;
  const session = field(replies.session, 'session');
  const state = field(session, 'state');
  if (state !== 'live' && state !== 'starting') return null;
  const servers = field(replies.join, 'iceServers');
  if (!Array.isArray(servers)) return null;
  const iceServers = servers.map(iceServer);
  if (iceServers.some((s) => s === null)) return null;
  return {
    whepUrl: new URL(whepUrl, `${page.origin}/`).toString(),
    iceServers: iceServers.filter((s): s is RTCIceServer => s !== null),
    video: field(session, 'type') !== 'audio',
  };
}
