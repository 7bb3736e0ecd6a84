import { t } from '../../../shared/i18n/index.js';
import { AccountHint } from './AccountHint.js';
import { FrameRateSelect, OutputSizeSelect } from '../../media/output/OutputSelects.js';

/**
 * Output size and frame rate: the same setting as the top bar's picker (the studio store's `output`, saved
 * with the scene collection's storage), laid out with room for a hint.
 */
export function OutputSection() {
  return (
    <div className="settings-fields">
      <div className="grid2">
        <label className="field">
          {t('settings.output.size')}
          <OutputSizeSelect testId="settings-output-size" />
        </label>
        <label className="field">
          {t('settings.output.fps')}
          <FrameRateSelect testId="settings-output-fps" />
        </label>
      </div>
      <p className="muted">{t('settings.output.hint')}</p>
      <AccountHint />
    </div>
  );
}
