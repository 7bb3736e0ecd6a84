import { t } from '../../shared/i18n/index.js';
import { FRAME_RATES, OUTPUT_PRESETS, OutputSettings } from '../output/presets.js';
import { useServices, useStudio } from '../ui/context.js';

/**
 * Output size and frame rate: the same setting as the top bar's picker (the studio store's `output`, saved
 * with the scene collection's storage), laid out with room for a hint.
 */
export function OutputSection() {
  const { store } = useServices();
  const output = useStudio((s) => s.output);
  return (
    <div className="settings-fields">
      <div className="grid2">
        <label className="field">
          {t('settings.output.size')}
          <select
            data-testid="settings-output-size"
            value={output.preset}
            onChange={(e) => {
              const preset = OutputSettings.shape.preset.safeParse(e.target.value);
              if (preset.success) store.getState().setOutput({ preset: preset.data });
            }}
          >
            {OUTPUT_PRESETS.map((p) => (
              <option key={p.value} value={p.value}>
                {p.width} × {p.height} {t(p.height > p.width ? 'studio.output.portrait' : 'studio.output.landscape')}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          {t('settings.output.fps')}
          <select
            data-testid="settings-output-fps"
            value={output.fps}
            onChange={(e) => store.getState().setOutput({ fps: Number(e.target.value) === 60 ? 60 : 30 })}
          >
            {FRAME_RATES.map((fps) => (
              <option key={fps} value={fps}>
                {t('settings.output.fpsValue', { fps })}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="muted">{t('settings.output.hint')}</p>
    </div>
  );
}
