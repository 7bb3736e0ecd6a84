import { setLang, t, type Lang } from '../i18n/index.js';
import { useLang } from './use-lang.js';

const LANGS: Lang[] = ['en', 'fr'];

/** The en/fr switch shown in every page header. */
export function LangSwitch() {
  const lang = useLang();
  return (
    <label className="lang-switch">
      <span className="visually-hidden">{t('common.language')}</span>
      <select data-testid="lang-switch" value={lang} onChange={(e) => setLang(e.target.value === 'fr' ? 'fr' : 'en')}>
        {LANGS.map((l) => (
          <option key={l} value={l}>
            {t(l === 'en' ? 'ui.lang.en' : 'ui.lang.fr')}
          </option>
        ))}
      </select>
    </label>
  );
}
