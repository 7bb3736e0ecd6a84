/** The studio's bitrate figure: kilobits per second, whole numbers, never negative or NaN. */
export function toKbps(bitsPerSecond: number): number {
  return Number.isFinite(bitsPerSecond) && bitsPerSecond > 0 ? Math.round(bitsPerSecond / 1000) : 0;
}
