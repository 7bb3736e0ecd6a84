import { z } from 'zod';

/** What clients need to know about the relay itself. */
export const RelayInfo = z.object({
  /** Base URL to put in links other people open (viewer share links, invite links). */
  shareBaseUrl: z.string(),
  /** Addresses of this relay on the local network, for viewers on other machines. */
  lanUrls: z.array(z.string()),
  /**
   * Origins of the external WHIP/WHEP media server (MEDIA_WHIP_URL / MEDIA_WHEP_URL), empty with the embedded
   * forwarder: the desktop studio adds exactly these to its Content-Security-Policy's connect-src.
   */
  mediaOrigins: z.array(z.string()).default([]),
});
export type RelayInfo = z.infer<typeof RelayInfo>;
