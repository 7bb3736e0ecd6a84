import { Emitter } from '../../../shared/realtime/emitter.js';

export type AlertKind = 'follow' | 'gift' | 'topGifter';

/**
 * What feeds the alerts source. The studio turns relay events into these: `gift:sent` gives gifts and
 * top-gifter changes; a follow event gives `{ kind: 'follow', name }` (alert-feed.ts).
 */
export interface AlertInput {
  kind: AlertKind;
  /** Who did it (their display name). */
  name: string;
  gift?: { name: string; emoji: string; count: number };
}

export interface ShownAlert extends AlertInput {
  id: number;
  startedAt: number;
}

/** Alerts waiting beyond this are dropped (a gift storm must not queue alerts for an hour). */
const MAX_WAITING = 20;

/** Alerts one after another, each on screen for the alerts source's duration. */
export class AlertQueue {
  readonly events = new Emitter<{ started: ShownAlert }>();
  private waiting: AlertInput[] = [];
  private showing: ShownAlert | null = null;
  private nextId = 1;

  push(alert: AlertInput): void {
    this.waiting.push(alert);
    if (this.waiting.length > MAX_WAITING) this.waiting.splice(0, this.waiting.length - MAX_WAITING);
  }

  /** The alert on screen at `now` (advancing to the next once one has had `durationMs`), or null. */
  current(now: number, durationMs: number): ShownAlert | null {
    if (this.showing && now - this.showing.startedAt >= durationMs) this.showing = null;
    if (!this.showing) {
      const next = this.waiting.shift();
      if (next) {
        this.showing = { ...next, id: this.nextId++, startedAt: now };
        this.events.emit('started', this.showing);
      }
    }
    return this.showing;
  }

  clear(): void {
    this.waiting = [];
    this.showing = null;
  }
}

/** The studio's one queue: the feed pushes, every alerts source on the program draws its head. */
export const alertQueue = new AlertQueue();
