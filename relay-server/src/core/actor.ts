import type { UserKind } from '../storage/types.js';

/** Who is calling: resolved from a token by the auth module, null when anonymous. */
export interface Actor {
  userId: string;
  kind: UserKind;
  displayName: string;
}
