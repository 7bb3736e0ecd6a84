import { describe, expect, it } from 'vitest';
import { setLang } from '../i18n/index.js';
import { coinsText } from './coins-text.js';

describe('coinsText', () => {
  it('says one coin in the singular and any other number in the plural, in both languages', () => {
    setLang('en');
    expect([coinsText(1), coinsText(0), coinsText(5)]).toEqual(['1 coin', '0 coins', '5 coins']);
    setLang('fr');
    expect([coinsText(1), coinsText(20)]).toEqual(['1 pièce', '20 pièces']);
    setLang('en');
  });
});
