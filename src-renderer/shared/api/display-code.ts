import { z } from 'zod';
import type { ApiError } from '../../../protocol/common.js';
import { COMMON_PASSWORD } from '../../../protocol/users.js';

const FieldIssues = z.array(z.object({ path: z.string(), code: z.string() }).loose());

/** What was wrong with the password of a refused sign-up, or null when the refusal was about something else. */
function passwordProblem(error: ApiError): 'common_password' | 'password_too_short' | null {
  if (error.code !== 'invalid_input') return null;
  const issues = FieldIssues.safeParse(error.details);
  const issue = issues.success ? issues.data.find((i) => i.path === 'password') : undefined;
  if (issue?.code === COMMON_PASSWORD) return 'common_password';
  return issue?.code === 'too_small' ? 'password_too_short' : null;
}

/** The code a client shows for a relay error: the relay's own, or a finer one its details allow. */
export function displayCode(error: ApiError): string {
  return passwordProblem(error) ?? error.code;
}
