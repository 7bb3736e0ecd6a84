import { z } from 'zod';
import { Id, IsoTime, cleanText } from './common.js';
import { ClientMessageId } from './chat.js';

/**
 * The stage: who the host has on air, and the backstage chat between the host and the guests.
 * Viewers never receive any of it (the relay sends only to the host's and the stage members' own rooms).
 */

/** More names than any stage can hold (MAX_LIVE_PARTICIPANTS is 10 by default). */
const STAGE_LIST_MAX = 64;

/** How long a guest is counted down before the host's program shows them (the studio waits as long). */
export const ON_AIR_COUNTDOWN_MS = 3_000;

/** The host's word on who is on air (in the program) and who is being counted down to it. */
export const StageSet = z.strictObject({
  sessionId: Id,
  onAir: z.array(Id).max(STAGE_LIST_MAX),
  cueing: z.array(Id).max(STAGE_LIST_MAX).default([]),
});
export type StageSet = z.input<typeof StageSet>;

export const StageState = z.object({ sessionId: Id, onAir: z.array(Id), cueing: z.array(Id) });
export type StageState = z.infer<typeof StageState>;

export const BackstageText = cleanText(1, 500);

export const BackstageMessage = z.object({
  id: Id,
  sessionId: Id,
  userId: Id,
  displayName: z.string(),
  /** host or guest/moderator on stage: the label next to the name. */
  role: z.enum(['host', 'guest', 'moderator']),
  content: z.string(),
  clientMessageId: z.string(),
  createdAt: IsoTime,
});
export type BackstageMessage = z.infer<typeof BackstageMessage>;

export const BackstageSend = z.strictObject({ sessionId: Id, content: BackstageText, clientMessageId: ClientMessageId });
export const BackstageHistory = z.strictObject({ sessionId: Id });
