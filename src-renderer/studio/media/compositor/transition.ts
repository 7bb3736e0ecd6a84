import type { TransitionKind } from '../../scenes/model/types.js';

/** Opacity of the incoming scene `elapsedMs` into a transition (1 = done). */
export function transitionProgress(kind: TransitionKind, elapsedMs: number, durationMs: number): number {
  if (kind === 'cut' || durationMs <= 0) return 1;
  return Math.min(1, Math.max(0, elapsedMs / durationMs));
}
