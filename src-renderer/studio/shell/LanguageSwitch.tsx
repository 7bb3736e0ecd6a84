import { setLang, t } from '../../shared/i18n/index.js';
import { useLang } from '../context.js';

export function LanguageSwitch() {
  const lang = useLang();
  return (
    <label className="lang-switch">
      <span className="lang-label">{t('common.language')}</span>
      <select aria-label={t('common.language')} value={lang} onChange={(e) => setLang(e.target.value === 'fr' ? 'fr' : 'en')}>
        <option value="en">English</option>
        <option value="fr">Français</option>
      </select>
    </label>
  );
}
