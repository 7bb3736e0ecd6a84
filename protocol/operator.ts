import { z } from 'zod';
import { Id, cleanLine } from './common.js';

/**
 * Operator access: what a relay's operator (not a user) may do with the relay's OPERATOR_TOKEN, sent in
 * the header below. Today: mint guest accounts in bulk for `npm run load` (the per-address sign-up limit
 * would otherwise stop a load test from one machine at 30 a minute).
 */
export const OPERATOR_HEADER = 'x-operator-token';

export const OperatorGuestsBody = z.strictObject({
  count: z.number().int().min(1).max(500),
  /** Display names are `<prefix> <n>`. */
  namePrefix: cleanLine(1, 20).default('load'),
});
export type OperatorGuestsBody = z.input<typeof OperatorGuestsBody>;

export const OperatorGuest = z.object({ userId: Id, displayName: z.string(), token: z.string() });
export type OperatorGuest = z.infer<typeof OperatorGuest>;
export const OperatorGuestsReply = z.object({ guests: z.array(OperatorGuest) });
export type OperatorGuestsReply = z.infer<typeof OperatorGuestsReply>;
