import { describe, expect, it } from 'vitest';
import { RegisterBody } from '../../../protocol/users.js';
import { passwordProblem, usernameProblem } from './signup-rules.js';

describe('sign-up rules', () => {
  it('names what is wrong with a username', () => {
    expect(usernameProblem('ab')).toBe('auth.rule.usernameShort');
    expect(usernameProblem('a'.repeat(33))).toBe('auth.rule.usernameLong');
    expect(usernameProblem('ama kofi')).toBe('auth.rule.usernameSpace');
    expect(usernameProblem('Ama_K')).toBe('auth.rule.usernameUpper');
    expect(usernameProblem('ama-k')).toBe('auth.rule.usernameChars');
    expect(usernameProblem('amé')).toBe('auth.rule.usernameChars');
    expect(usernameProblem('ama_k2')).toBeNull();
  });

  it('names what is wrong with a password', () => {
    expect(passwordProblem('abc')).toBe('auth.rule.passwordShort');
    expect(passwordProblem('x'.repeat(257))).toBe('auth.rule.passwordLong');
    expect(passwordProblem('correct horse')).toBeNull();
  });

  it('agrees with the relay: what the form lets through, the relay accepts, and the reverse', () => {
    const samples = ['ab', 'abc', 'ama kofi', 'Ama', 'ama-k', 'a'.repeat(32), 'a'.repeat(33), 'x_1'];
    for (const username of samples) {
      for (const password of ['1234567', '12345678', 'x'.repeat(256), 'x'.repeat(257)]) {
        const form = usernameProblem(username) === null && passwordProblem(password) === null;
        expect(RegisterBody.safeParse({ username, password }).success, `${username} / ${password.length}`).toBe(form);
      }
    }
  });
});
