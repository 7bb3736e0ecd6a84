/**
 * Just enough of the VP8 RTP payload format (RFC 7741) to tell whether a packet starts a key frame:
 * a viewer whose queue overflowed skips video until the next one, since anything else would decode
 * to garbage.
 */
export function isVp8KeyframeStart(payload: Uint8Array): boolean {
  if (payload.length < 1) return false;
  const first = payload[0] ?? 0;
  const extended = (first & 0x80) !== 0;
  const startOfPartition = (first & 0x10) !== 0;
  const partitionIndex = first & 0x07;
  if (!startOfPartition || partitionIndex !== 0) return false;
  let offset = 1;
  if (extended) {
    const flags = payload[offset] ?? 0;
    offset += 1;
    if (flags & 0x80) {
      // PictureID: 7 bits, or 15 bits when the M bit is set.
      offset += ((payload[offset] ?? 0) & 0x80) !== 0 ? 2 : 1;
    }
    if (flags & 0x40) offset += 1; // TL0PICIDX
    if (flags & 0x30) offset += 1; // TID/Y/KEYIDX
  }
  if (offset >= payload.length) return false;
  // VP8 payload header: P bit (inverse key frame flag) is the lowest bit of the first byte.
  return ((payload[offset] ?? 1) & 0x01) === 0;
}
