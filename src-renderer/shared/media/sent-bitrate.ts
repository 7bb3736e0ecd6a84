// Free of DOM types, so it is unit-tested under Node.

/** P2P: the program goes to each viewer on its own link, so what the studio sends is their sum. */
export function totalBitrate(perViewer: ReadonlyArray<{ stats: { bitrate: number } }>): number {
  return perViewer.reduce((sum, v) => sum + v.stats.bitrate, 0);
}
