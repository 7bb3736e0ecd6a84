import { t, type StringKey } from '../../../shared/i18n/index.js';
import { selectPreviewScene } from '../../store/index.js';
import { useServices, useStudio } from '../../context.js';
import { LAYOUT_KINDS, type LayoutKind } from './arrange.js';
import { chooseLayout, clearLayout } from './reflow.js';

const LABELS: Record<LayoutKind, StringKey> = {
  solo: 'layout.solo',
  'side-by-side': 'layout.sideBySide',
  grid: 'layout.grid',
  pip: 'layout.pip',
  'screen-speakers': 'layout.screenSpeakers',
};

/** Tiny drawings of each layout, so the buttons read at a glance. */
function Glyph({ kind }: { kind: LayoutKind }) {
  const boxes: Record<LayoutKind, Array<[number, number, number, number]>> = {
    solo: [[1, 1, 22, 12]],
    'side-by-side': [[1, 1, 10.5, 12], [12.5, 1, 10.5, 12]],
    grid: [[1, 1, 10.5, 5.5], [12.5, 1, 10.5, 5.5], [1, 7.5, 10.5, 5.5], [12.5, 7.5, 10.5, 5.5]],
    pip: [[1, 1, 22, 12], [15, 8, 7, 4]],
    'screen-speakers': [[1, 1, 16, 12], [18, 1, 5, 5.5], [18, 7.5, 5, 5.5]],
  };
  return (
    <svg viewBox="0 0 24 14" width="36" height="21" aria-hidden="true">
      {boxes[kind].map(([x, y, w, h], i) => (
        <rect key={i} x={x} y={y} width={w} height={h} rx="1" fill="currentColor" opacity={i === 0 ? 0.9 : 0.6} />
      ))}
    </svg>
  );
}

/** One-click layouts for the edited scene: the host's camera, the guests on air and a shared screen. */
export function LayoutBar() {
  const { store, engine } = useServices();
  const scene = useStudio((s) => selectPreviewScene(s));
  if (!scene) return null;
  return (
    <div className="layout-bar" role="group" aria-label={t('layout.title')} data-testid="layout-bar" data-layout={scene.layout ?? 'free'}>
      {LAYOUT_KINDS.map((kind) => (
        <button
          key={kind}
          type="button"
          className={scene.layout === kind ? 'active' : 'secondary'}
          data-testid={`layout-${kind}`}
          aria-pressed={scene.layout === kind}
          title={t(LABELS[kind])}
          onClick={() => chooseLayout(store, scene.id, kind, engine.compositor.outputFormat)}
        >
          <Glyph kind={kind} />
          <span className="layout-label">{t(LABELS[kind])}</span>
        </button>
      ))}
      {scene.layout && (
        <button type="button" className="link" data-testid="layout-free" onClick={() => clearLayout(store, scene.id)}>
          {t('layout.free')}
        </button>
      )}
    </div>
  );
}
