import { useEffect, useState } from 'react';
import { t } from '../../shared/i18n/index.js';
import { useServices, useStudio } from '../context.js';
import type { Source } from '../scenes/model/types.js';
import { selectPreviewScene, selectProgramScene } from '../store/index.js';
import { useScreenCapture } from './use-screen-capture.js';

const NONE: Source[] = [];

/** Re-renders whenever a source gains or loses its capture. */
function useMediaChanges(): void {
  const { engine } = useServices();
  const [, setTick] = useState(0);
  useEffect(() => engine.media.events.on('change', () => setTick((n) => n + 1)), [engine]);
}

/**
 * Whether this screen source has lost its capture: after a reload (a browser or desktopCapturer never
 * hands a screen back silently) or when the sharing was stopped. Only the user can pick it again.
 */
export function useScreenLost(source: Pick<Source, 'id' | 'kind'>): boolean {
  const { engine } = useServices();
  useMediaChanges();
  return source.kind === 'screen' && !engine.media.has(source.id);
}

/** One click to pick the screen or window again; the new capture replaces the lost one in place. */
export function RepairButton({ sourceId, testId, label }: { sourceId: string; testId: string; label?: string }) {
  const { engine } = useServices();
  const { capture, picker } = useScreenCapture();
  const [failed, setFailed] = useState(false);
  const pick = () => {
    setFailed(false);
    capture().then(
      (stream) => engine.media.attach(sourceId, stream),
      () => setFailed(true),
    );
  };
  return (
    <>
      <button className="repair" data-testid={testId} title={t('studio.repair.hint')} onClick={pick}>
        ⚠ {label ?? t('studio.repair.pick')}
      </button>
      {failed && <span className="error">{t('studio.repair.failed')}</span>}
      {picker}
    </>
  );
}

/** On the canvas: every lost screen of the scenes on screen, each with its "pick again". */
export function CanvasRepairBadge() {
  const { engine } = useServices();
  useMediaChanges();
  const sources = useStudio((s) => {
    const program = selectProgramScene(s)?.sources ?? NONE;
    const preview = selectPreviewScene(s)?.sources ?? NONE;
    return preview === program ? program : [...program, ...preview];
  });
  const lost = sources.filter((s, i) => s.kind === 'screen' && !engine.media.has(s.id) && sources.findIndex((o) => o.id === s.id) === i);
  if (lost.length === 0) return null;
  return (
    <div className="canvas-repair" role="alert" data-testid="canvas-repair-badge">
      {lost.map((source) => (
        <div key={source.id} className="canvas-repair-line">
          <span>{t('studio.repair.lost', { name: source.name })}</span>
          <RepairButton sourceId={source.id} testId="canvas-repair" />
        </div>
      ))}
    </div>
  );
}
