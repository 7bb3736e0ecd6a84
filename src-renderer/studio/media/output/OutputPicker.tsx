import { t } from '../../../shared/i18n/index.js';
import { FrameRateSelect, OutputSizeSelect } from './OutputSelects.js';

/** Output size (landscape or portrait) and frame rate, in the top bar. */
export function OutputPicker() {
  return (
    <span className="output-picker">
      <label className="inline" title={t('studio.output.hint')}>
        <span className="output-label">{t('studio.output')}</span>
        <OutputSizeSelect testId="output-preset" ariaLabel={t('studio.output')} compact />
      </label>
      <FrameRateSelect testId="output-fps" ariaLabel={t('studio.output.fps')} />
    </span>
  );
}
