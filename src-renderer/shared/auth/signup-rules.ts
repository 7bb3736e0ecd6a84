import { PASSWORD_MAX, PASSWORD_MIN, USERNAME_MAX, USERNAME_MIN, USERNAME_PATTERN } from '../../../protocol/users.js';

/** What is wrong with a username someone typed to sign up, in the words the form shows (i18n keys). */
export type UsernameProblem = 'auth.rule.usernameShort' | 'auth.rule.usernameLong' | 'auth.rule.usernameUpper' | 'auth.rule.usernameSpace' | 'auth.rule.usernameChars';
export type PasswordProblem = 'auth.rule.passwordShort' | 'auth.rule.passwordLong';

export function usernameProblem(username: string): UsernameProblem | null {
  if (username.length < USERNAME_MIN) return 'auth.rule.usernameShort';
  if (username.length > USERNAME_MAX) return 'auth.rule.usernameLong';
  if (USERNAME_PATTERN.test(username)) return null;
  if (/\s/.test(username)) return 'auth.rule.usernameSpace';
  if (USERNAME_PATTERN.test(username.toLowerCase())) return 'auth.rule.usernameUpper';
  return 'auth.rule.usernameChars';
}

export function passwordProblem(password: string): PasswordProblem | null {
  if (password.length < PASSWORD_MIN) return 'auth.rule.passwordShort';
  if (password.length > PASSWORD_MAX) return 'auth.rule.passwordLong';
  return null;
}

/** The numbers the rule sentences quote. */
export const SIGNUP_LIMITS = { usernameMin: USERNAME_MIN, usernameMax: USERNAME_MAX, passwordMin: PASSWORD_MIN, passwordMax: PASSWORD_MAX };
