import { t } from '../../shared/i18n/index.js';
import { useServices, useStudio } from '../ui/context.js';
import { FRAME_RATES, OUTPUT_PRESETS, OutputSettings } from './presets.js';

/** Output size (landscape or portrait) and frame rate, in the top bar. */
export function OutputPicker() {
  const { store } = useServices();
  const output = useStudio((s) => s.output);
  return (
    <span className="output-picker">
      <label className="inline" title={t('studio.output.hint')}>
        <span className="output-label">{t('studio.output')}</span>
        <select
          aria-label={t('studio.output')}
          data-testid="output-preset"
          value={output.preset}
          onChange={(e) => {
            const preset = OutputSettings.shape.preset.safeParse(e.target.value);
            if (preset.success) store.getState().setOutput({ preset: preset.data });
          }}
        >
          {OUTPUT_PRESETS.map((p) => (
            <option key={p.value} value={p.value}>
              {p.width}×{p.height} {t(p.height > p.width ? 'studio.output.portrait' : 'studio.output.landscape')}
            </option>
          ))}
        </select>
      </label>
      <select
        data-testid="output-fps"
        aria-label={t('studio.output.fps')}
        value={output.fps}
        onChange={(e) => store.getState().setOutput({ fps: Number(e.target.value) === 60 ? 60 : 30 })}
      >
        {FRAME_RATES.map((fps) => (
          <option key={fps} value={fps}>
            {fps} fps
          </option>
        ))}
      </select>
    </span>
  );
}
