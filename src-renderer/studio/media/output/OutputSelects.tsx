import { t } from '../../../shared/i18n/index.js';
import { useServices, useStudio } from '../../context.js';
import { FRAME_RATES, OUTPUT_PRESETS, OutputSettings } from './presets.js';

/**
 * The output size and frame-rate choices, written once: the top bar and the settings dialog both show
 * them and both change the one studio setting (the store's `output`).
 */
/** "1080×1920 (portrait, phones)"; `compact` keeps only the size (the top bar, which has no room to cut it). */
function presetLabel(p: (typeof OUTPUT_PRESETS)[number], compact = false): string {
  const size = `${p.width}×${p.height}`;
  return compact ? size : `${size} ${t(p.height > p.width ? 'studio.output.portrait' : 'studio.output.landscape')}`;
}

export function OutputSizeSelect({ testId, ariaLabel, compact }: { testId: string; ariaLabel?: string; compact?: boolean }) {
  const { store } = useServices();
  const preset = useStudio((s) => s.output.preset);
  const chosen = OUTPUT_PRESETS.find((p) => p.value === preset);
  return (
    <select
      aria-label={ariaLabel}
      title={compact && chosen ? presetLabel(chosen) : undefined}
      data-testid={testId}
      value={preset}
      onChange={(e) => {
        const chosen = OutputSettings.shape.preset.safeParse(e.target.value);
        if (chosen.success) store.getState().setOutput({ preset: chosen.data });
      }}
    >
      {OUTPUT_PRESETS.map((p) => (
        <option key={p.value} value={p.value}>
          {presetLabel(p, compact)}
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
      onChange={(e) => {
        const chosen = OutputSettings.shape.fps.safeParse(Number(e.target.value));
        if (chosen.success) store.getState().setOutput({ fps: chosen.data });
      }}
    >
      {FRAME_RATES.map((rate) => (
        <option key={rate} value={rate}>
          {t('settings.output.fpsValue', { fps: rate })}
        </option>
      ))}
    </select>
  );
}
