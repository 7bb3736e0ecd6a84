/**
 * Rate-limits key frame requests towards the publisher: a key frame costs several normal frames of
 * bandwidth, so requests from many joining viewers within `minIntervalMs` become one request now and
 * at most one trailing request when the interval ends.
 */
export class KeyframeRequester {
  private lastSentAt = Number.NEGATIVE_INFINITY;
  private trailing: NodeJS.Timeout | undefined;

  constructor(
    private readonly send: () => void,
    private readonly minIntervalMs: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  request(): void {
    if (this.trailing) return;
    const wait = this.lastSentAt + this.minIntervalMs - this.now();
    if (wait <= 0) {
      this.fire();
      return;
    }
    this.trailing = setTimeout(() => {
      this.trailing = undefined;
      this.fire();
    }, wait);
  }

  dispose(): void {
    clearTimeout(this.trailing);
    this.trailing = undefined;
  }

  private fire(): void {
    this.lastSentAt = this.now();
    this.send();
  }
}
