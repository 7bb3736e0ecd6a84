import { afterEach, describe, expect, it } from 'vitest';
import { ErrorCode } from '../../../protocol/common.js';
import { setLang, t } from '../i18n/index.js';
import { describeApiError, errorCodeOf, errorText } from './error-text.js';

describe('error text (one table for the pages and the studio)', () => {
  afterEach(() => setLang('en'));

  it('turns every relay error code into a sentence, never the raw code', () => {
    for (const lang of ['en', 'fr'] as const) {
      setLang(lang);
      const generic = t('common.error', { message: '' });
      for (const code of ErrorCode.options) {
        const text = errorText(code);
        expect(text, `${lang} ${code}`).not.toMatch(/[a-z]_[a-z]/);
        expect(text.startsWith(generic.trim()), `${lang} ${code} falls back to the generic error`).toBe(false);
        expect(text, `${lang} ${code} is a sentence`).toMatch(/^\p{Lu}.*\.$/u);
      }
    }
  });

  it('gives the same words inside a sentence as on their own', () => {
    for (const code of ErrorCode.options) {
      if (code === 'muted') continue; // a mute may name its end: checked below
      const clause = describeApiError({ code, message: 'developer text' });
      expect(errorText(code).toLowerCase()).toBe(`${clause}.`.toLowerCase());
      expect(clause).not.toContain('developer text');
    }
    expect(describeApiError({ code: 'muted', message: '', details: { until: '2026-11-25T21:05:00Z' } })).toMatch(/^you are muted until .*2026/);
  });

  it('explains a refused camera by its DOMException name, in the chosen language', () => {
    const denied = new DOMException('Permission denied by system', 'NotAllowedError');
    expect(errorCodeOf(denied)).toBe('NotAllowedError');
    setLang('fr');
    expect(errorText(errorCodeOf(denied))).toContain('Accès refusé');
    expect(errorText(errorCodeOf(new Error('boom')))).toContain('boom');
  });

  it('says "wrong username or password" for a refused sign-in, not "sign in again"', () => {
    expect(errorText('wrong_credentials')).toBe('Wrong username or password.');
    expect(errorText('unauthorized')).toBe('You need to sign in again.');
  });

  it('says why a sign-up password was refused, in English and French', () => {
    const common = { code: 'invalid_input', message: 'dev', details: [{ path: 'password', code: 'common_password', message: 'dev' }] } as const;
    const short = { code: 'invalid_input', message: 'dev', details: [{ path: 'password', code: 'too_small', message: 'dev' }] } as const;
    expect(describeApiError(common)).toBe('this password is one of the most common ones, which are guessed first: choose another');
    expect(describeApiError(short)).toBe('the password needs at least 8 characters');
    expect(errorText('common_password')).toBe('This password is one of the most common ones, which are guessed first: choose another.');
    setLang('fr');
    expect(describeApiError(common)).toBe('ce mot de passe fait partie des plus courants, que l’on devine en premier : choisissez-en un autre');
    expect(errorText('password_too_short')).toBe('Le mot de passe doit compter au moins 8 caractères.');
    // Any other refused field keeps the general wording.
    expect(describeApiError({ code: 'invalid_input', message: 'dev', details: [{ path: 'username', code: 'invalid_format', message: 'dev' }] })).toBe(t('error.invalidInput'));
  });
});
