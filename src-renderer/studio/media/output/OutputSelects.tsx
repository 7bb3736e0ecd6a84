import { t } from '../../../shared/i18n/index.js';
import { useServices, useStudio } from '../../context.js';
import { FRAME_RATES, OUTPUT_PRESETS, OutputSettings } from './presets.js';

/**
 * The output size and frame-rate choices, written once: the top bar and the settings dialog both show
 * them and both change the one studio setting (the store's `output`).
 */
export function OutputSizeSelect({ testId, ariaLabel }: { testId: string; ariaLabel?: string }) {
  const { store } = useServices();
  const preset = useStudio((s) => s.output.preset);
  return (
    <select
      aria-label={ariaLabel}
      data-testid={testId}
      value={preset}
      onChange={(e) => {
        const chosen = OutputSettings.shape.preset.safeParse(e.target.value);
        if (chosen.success) store.getState().setOutput({ preset: chosen.data });
      }}
    >
      {OUTPUT_PRESETS.map((p) => (
        <option key={p.value} value={p.value}>
          {p.width}×{p.height} {t(p.height > p.width ? 'studio.output.portrait' : 'studio.output.landscape')}
        </option>
      ))}
    </select>
  );
}

export function FrameRateSelect({ testId, ariaLabel }: { testId: string; ariaLabel?: string }) {
  const { store } = useServices();
  const fps = useStudio((s) => s.output.fps);
  return (
    <select
      aria-label={ariaLabel}
      data-testid={testId}
      value={fps}
      onChange={(e) => store.getState().setOutput({ fps: Number(e.target.value) === 60 ? 60 : 30 })}
    >
      {FRAME_RATES.map((rate) => (
        <option key={rate} value={rate}>
          {t('settings.output.fpsValue', { fps: rate })}
        </option>
      ))}
    </select>
  );
}
