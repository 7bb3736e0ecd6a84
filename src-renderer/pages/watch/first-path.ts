/**
 * The path a /watch player starting now takes: LL-HLS first past this node's WebRTC room (unless
 * `?transport=webrtc`), or when `?transport=hls` asks for it; WebRTC otherwise. One rule for the page's
 * player (watch-store) and for the boot module's early WHEP offer (early-player.ts), so the boot never
 * offers WHEP to a page that will play LL-HLS. No zod here: the boot module imports it.
 */
export interface HlsHintLike {
  masterUrl: string | null;
  webrtcHasRoom: boolean;
}

/**
 * The LL-HLS master playlist to play instead of WebRTC, or null for WebRTC. `hlsDown`: the live's
 * packager is restarting, so a viewer past the room still takes WebRTC.
 */
export function hlsFirst(forced: string | null, hint: HlsHintLike | null, hlsDown: boolean): string | null {
  if (forced === 'webrtc' || !hint?.masterUrl) return null;
  return forced === 'hls' || (!hint.webrtcHasRoom && !hlsDown) ? hint.masterUrl : null;
}
