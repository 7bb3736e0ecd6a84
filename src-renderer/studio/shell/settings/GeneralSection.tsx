import { t } from '../../../shared/i18n/index.js';
import { AccountHint } from './AccountHint.js';
import { useServices } from '../../context.js';
import { useSettings } from './use-settings.js';
import { SaveStatus, useSave } from './SaveStatus.js';

export function GeneralSection() {
  const { settings } = useServices();
  const { preferences } = useSettings();
  const save = useSave();
  if (!preferences) return null;
  return (
    <div className="settings-fields">
      <label className="field">
        {t('common.language')}
        <select
          data-testid="settings-language"
          value={preferences.language}
          onChange={(e) => save.run(settings.update({ language: e.target.value === 'fr' ? 'fr' : 'en' }))}
        >
          <option value="en">English</option>
          <option value="fr">Français</option>
        </select>
      </label>
      <p className="muted">{t('settings.language.hint')}</p>
      <AccountHint />
      <SaveStatus state={save.state} />
    </div>
  );
}
