import { afterEach, describe, expect, it } from 'vitest';
import { ErrorCode } from '../../../protocol/common.js';
import { setLang, t } from '../../shared/i18n/index.js';
import { errorCodeOf, errorText } from './error-text.js';

describe('studio error text', () => {
  afterEach(() => setLang('en'));

  it('turns every relay error code into a sentence, never the raw code', () => {
    for (const lang of ['en', 'fr'] as const) {
      setLang(lang);
      const generic = t('common.error', { message: '' });
      for (const code of ErrorCode.options) {
        const text = errorText(code);
        expect(text, `${lang} ${code}`).not.toMatch(/[a-z]_[a-z]/);
        expect(text.startsWith(generic.trim()), `${lang} ${code} falls back to the generic error`).toBe(false);
      }
    }
  });

  it('explains a refused camera by its DOMException name, in the chosen language', () => {
    const denied = new DOMException('Permission denied by system', 'NotAllowedError');
    expect(errorCodeOf(denied)).toBe('NotAllowedError');
    setLang('fr');
    expect(errorText(errorCodeOf(denied))).toContain('Accès refusé');
    expect(errorText(errorCodeOf(new Error('boom')))).toContain('boom');
  });
});
