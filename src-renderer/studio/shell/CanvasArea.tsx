import { useEffect, useRef } from 'react';
import { t } from '../../shared/i18n/index.js';
import { useServices, useStudio } from '../context.js';
import { CanvasRepairBadge } from '../sources/repair.js';
import { EditOverlay } from '../sources/EditOverlay.js';
import { formatOf } from '../media/output/presets.js';
import { useStageShape } from '../media/output/stage-shape.js';

/** Mounts the compositor's own program canvas (it keeps drawing while unmounted or hidden). */
function ProgramCanvas({ editable }: { editable: boolean }) {
  const { engine } = useServices();
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const canvas = engine.compositor.program;
    canvas.dataset.testid = 'program-canvas';
    canvas.className = 'stage-canvas';
    host.current?.append(canvas);
    return () => canvas.remove();
  }, [engine]);
  return (
    <div className="stage" ref={host} style={useStageShape()}>
      {editable && <EditOverlay />}
      <CanvasRepairBadge />
    </div>
  );
}

function PreviewCanvas() {
  const { engine } = useServices();
  const shape = useStageShape();
  const output = useStudio((s) => s.output);
  const format = formatOf(output);
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    engine.setPreviewCanvas(ref.current);
    return () => engine.setPreviewCanvas(null);
  }, [engine]);
  return (
    <div className="stage" style={shape}>
      <canvas ref={ref} className="stage-canvas" data-testid="preview-canvas" width={format.width / 2} height={format.height / 2} />
      <EditOverlay />
    </div>
  );
}

function TransitionControls() {
  const { store } = useServices();
  const transition = useStudio((s) => s.transition);
  const actions = store.getState();
  return (
    <div className="transition-controls">
      <select
        aria-label={t('studio.transition')}
        value={transition.kind}
        onChange={(e) => actions.setTransition(e.target.value === 'fade' ? 'fade' : 'cut')}
      >
        <option value="cut">{t('studio.transition.cut')}</option>
        <option value="fade">{t('studio.transition.fade')}</option>
      </select>
      <input
        type="number"
        min={0}
        max={5000}
        step={50}
        aria-label={t('studio.transition.duration')}
        value={transition.durationMs}
        onChange={(e) => actions.setTransition(transition.kind, Math.max(0, Math.min(5000, Number(e.target.value) || 0)))}
      />
      <button data-testid="transition-take" title={t('shortcuts.takeTip')} onClick={() => actions.takeToProgram()}>
        {t('studio.transition.take')} ⏎
      </button>
    </div>
  );
}

export function CanvasArea() {
  const studioMode = useStudio((s) => s.studioMode);
  return (
    <div className={`canvas-area ${studioMode ? 'two' : 'one'}`}>
      {studioMode && (
        <figure>
          <figcaption>{t('studio.scene.preview')}</figcaption>
          <PreviewCanvas />
        </figure>
      )}
      {studioMode && <TransitionControls />}
      <figure>
        <figcaption className="on-air">{t('studio.scene.program')}</figcaption>
        <ProgramCanvas editable={!studioMode} />
      </figure>
    </div>
  );
}
