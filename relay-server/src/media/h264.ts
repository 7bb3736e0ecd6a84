/**
 * Just enough of the H.264 RTP payload format (RFC 6184, packetization-mode 1: single NAL units, STAP-A
 * and FU-A) to find where a decoder may start: the access unit that carries the sequence and picture
 * parameter sets (SPS/PPS) and an IDR picture. A viewer that starts anywhere else sees grey garbage or
 * nothing until the next IDR.
 */

export const NAL_IDR = 5;
export const NAL_SPS = 7;
export const NAL_PPS = 8;
const STAP_A = 24;
const FU_A = 28;

/**
 * The NAL unit types that start in this RTP payload: one for a single NAL unit, each aggregated unit
 * of a STAP-A, the fragmented unit's type for the first FU-A fragment, nothing for later fragments.
 * Malformed payloads yield what could be read (never throws).
 */
export function nalTypesStarting(payload: Uint8Array): number[] {
  if (payload.length < 1) return [];
  const type = (payload[0] ?? 0) & 0x1f;
  if (type >= 1 && type <= 23) return [type];
  if (type === STAP_A) return stapATypes(payload);
  if (type === FU_A) {
    const fuHeader = payload[1];
    if (fuHeader === undefined || (fuHeader & 0x80) === 0) return [];
    return [fuHeader & 0x1f];
  }
  return [];
}

function stapATypes(payload: Uint8Array): number[] {
  const types: number[] = [];
  let offset = 1;
  while (offset + 2 < payload.length) {
    const size = ((payload[offset] ?? 0) << 8) | (payload[offset + 1] ?? 0);
    const header = payload[offset + 2];
    if (size === 0 || header === undefined) break;
    types.push(header & 0x1f);
    offset += 2 + size;
  }
  return types;
}

/**
 * Marks the first packet of each H.264 random-access point, per publisher stream. That is the first
 * packet of an access unit (one RTP timestamp) carrying an SPS, PPS or the start of an IDR slice, so
 * the cached group a joiner gets begins with the parameter sets when the encoder sends them in-band
 * before the IDR (OBS, x264, Chromium all do). Parameter sets sent with a timestamp of their own just
 * before the IDR stay at the head of the group: the IDR that follows does not start a new one.
 */
export class H264KeyframeDetector {
  private flaggedTimestamp: number | undefined;
  /** The last flagged group has carried only parameter sets so far (no picture yet). */
  private parameterSetsOnly = false;

  isKeyframeStart(timestamp: number, payload: Uint8Array): boolean {
    const types = nalTypesStarting(payload);
    const hasIdr = types.includes(NAL_IDR);
    const hasParameterSets = types.includes(NAL_SPS) || types.includes(NAL_PPS);
    if (timestamp === this.flaggedTimestamp) {
      if (hasIdr) this.parameterSetsOnly = false;
      return false;
    }
    if (!hasIdr && !hasParameterSets) {
      if (types.length > 0) this.parameterSetsOnly = false;
      return false;
    }
    if (hasIdr && this.parameterSetsOnly) {
      // SPS/PPS came just before with their own timestamp: they stay the head of this group.
      this.parameterSetsOnly = false;
      return false;
    }
    this.flaggedTimestamp = timestamp;
    this.parameterSetsOnly = !hasIdr;
    return true;
  }
}
