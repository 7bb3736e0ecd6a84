import { useSyncExternalStore } from 'react';
import { Emitter } from '../../../shared/realtime/emitter.js';

export interface Notice {
  id: number;
  text: string;
  /** The inverse action; absent when nothing can be undone (the notice only informs). */
  undo?: () => Promise<unknown>;
}

const NOTICE_MS = 10_000;
const events = new Emitter<{ change: Notice[] }>();
let notices: Notice[] = [];
let nextId = 1;

function set(next: Notice[]): void {
  notices = next;
  events.emit('change', notices);
}

/** Shows a notice (with Undo when given) for ten seconds. */
export function pushNotice(text: string, undo?: () => Promise<unknown>): void {
  const notice: Notice = { id: nextId++, text, ...(undo ? { undo } : {}) };
  set([...notices.slice(-2), notice]);
  setTimeout(() => dismissNotice(notice.id), NOTICE_MS);
}

export function dismissNotice(id: number): void {
  if (notices.some((n) => n.id === id)) set(notices.filter((n) => n.id !== id));
}

export function useNotices(): Notice[] {
  return useSyncExternalStore(
    (cb) => events.on('change', cb),
    () => notices,
  );
}
