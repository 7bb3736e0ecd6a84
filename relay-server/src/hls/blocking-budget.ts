/**
 * Blocking requests (playlist reloads and preload-hinted parts held until the media exists) cost a
 * socket and a timer each: one client address may hold `perAddress` at once and the node `total`; past
 * that, 429 at once. A CDN in front collapses identical requests, so it stays far below.
 */
export class BlockingBudget {
  private readonly byAddress = new Map<string, number>();
  private held = 0;

  constructor(
    private readonly perAddress: number,
    private readonly total: number,
  ) {}

  /** A release function, or null when the address or the node is at its limit. */
  acquire(address: string): (() => void) | null {
    const mine = this.byAddress.get(address) ?? 0;
    if (mine >= this.perAddress || this.held >= this.total) return null;
    this.byAddress.set(address, mine + 1);
    this.held += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.held -= 1;
      const left = (this.byAddress.get(address) ?? 1) - 1;
      if (left <= 0) this.byAddress.delete(address);
      else this.byAddress.set(address, left);
    };
  }

  get inUse(): number {
    return this.held;
  }
}
