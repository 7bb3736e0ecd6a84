/** The studio's bitrate figure: kilobits per second, whole numbers, never negative or NaN. */
export function toKbps(bitsPerSecond: number): number {
  return Number.isFinite(bitsPerSecond) && bitsPerSecond > 0 ? Math.round(bitsPerSecond / 1000) : 0;
}

/** P2P: the program goes to each viewer on its own link, so what the studio sends is their sum. */
export function totalBitrate(perViewer: ReadonlyArray<{ stats: { bitrate: number } }>): number {
  return perViewer.reduce((sum, v) => sum + v.stats.bitrate, 0);
}
