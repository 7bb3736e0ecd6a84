import { z } from 'zod';
import { Id, IsoTime, cleanLine } from './common.js';

export const UserKind = z.enum(['account', 'guest']);
export const User = z.object({
  id: Id,
  username: z.string(),
  displayName: z.string(),
  kind: UserKind,
  createdAt: IsoTime,
});
export type User = z.infer<typeof User>;

export const Username = z.string().regex(/^[a-z0-9_]{3,32}$/, '3 to 32 of a-z, 0-9 and _');
export const Password = z.string().min(8).max(256);
export const DisplayName = cleanLine(1, 50);

export const RegisterBody = z.strictObject({
  username: Username,
  password: Password,
  displayName: DisplayName.optional(),
});
export const LoginBody = z.strictObject({ username: z.string().min(1).max(64), password: z.string().min(1).max(256) });
export const GuestBody = z.strictObject({ displayName: DisplayName });
export const AuthReply = z.object({ user: User, token: z.string() });
export const MeReply = z.object({ user: User });
/** Username prefix search (inviting guests): at least 3 characters, so nobody lists every account. */
export const USER_SEARCH_MIN = 3;
export const UserSearchQuery = z.strictObject({ search: z.string().trim().min(USER_SEARCH_MIN, `at least ${USER_SEARCH_MIN} characters`).max(32) });
export const UsersReply = z.object({ users: z.array(User) });
