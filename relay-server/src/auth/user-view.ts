import type { User } from '../../../protocol/users.js';
import type { UserRecord } from '../storage/types.js';

/** The public shape of a user: never the password hash. */
export function toUserView(user: UserRecord): User {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    kind: user.kind,
    createdAt: user.createdAt.toISOString(),
  };
}
