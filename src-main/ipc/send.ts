import type { WebContents } from 'electron';
import { events, type EventName, type EventPayload } from '../../protocol/ipc.js';

/** Sends a typed event to a renderer; the payload is checked against the channel map first. */
export function sendEvent<E extends EventName>(target: WebContents, event: E, payload: EventPayload<E>): void {
  if (target.isDestroyed()) return;
  target.send(event, events[event].parse(payload));
}
