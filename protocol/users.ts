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

/** Sign-up rules, shown to people before they type (src-renderer/shared/auth/signup-rules.ts) and enforced here. */
export const USERNAME_MIN = 3;
export const USERNAME_MAX = 32;
export const USERNAME_PATTERN = /^[a-z0-9_]+$/;
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 256;
export const Username = z
  .string()
  .min(USERNAME_MIN)
  .max(USERNAME_MAX)
  .regex(USERNAME_PATTERN, `${USERNAME_MIN} to ${USERNAME_MAX} of a-z, 0-9 and _`);
export const Password = z.string().min(PASSWORD_MIN).max(PASSWORD_MAX);
/**
 * The `details[].code` of a sign-up refused because the password is on the relay's common-password
 * list (`invalid_input`, path `password`), so pages can say so in the reader's language.
 */
export const COMMON_PASSWORD = 'common_password';
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
/**
 * `POST /api/auth/viewer`: who the cookie says the caller is, or a new silent guest (named `displayName`,
 * `created: true`, the cookie set) when nobody is signed in. The viewer page's one call instead of
 * `GET /me` then `POST /guest`. No token in the reply: pages hold none.
 */
export const ViewerIdentityReply = z.object({ user: User, created: z.boolean() });
/** Username prefix search (inviting guests): at least 3 characters, so nobody lists every account. */
export const USER_SEARCH_MIN = 3;
export const UserSearchQuery = z.strictObject({ search: z.string().trim().min(USER_SEARCH_MIN, `at least ${USER_SEARCH_MIN} characters`).max(32) });
export const UsersReply = z.object({ users: z.array(User) });
