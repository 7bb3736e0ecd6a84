import { useRef, type PointerEvent } from 'react';
import { boxOf, dragTransform, grabAt, HANDLES, handlePoint, toCanvasPoint, topSourceAt, type Grab } from '../media/compositor/layout.js';
import type { Source, Transform } from '../scenes/model/types.js';
import { selectPreviewScene } from '../store/index.js';
import { useServices, useStudio } from '../context.js';

/** Logical size of the overlay; transforms are fractions, so any 16:9 size maps the same way. */
const W = 1280;
const H = 720;
const SIZE = { w: W, h: H };
const HANDLE_PX = 7;
const NO_SOURCES: Source[] = [];

interface Drag {
  id: string;
  grab: Grab;
  start: { x: number; y: number };
  transform: Transform;
  pointerId: number;
}

/**
 * Selection and move/resize handles drawn over the edited canvas (never into the output).
 * Pointer events hit-test with the pure layout functions; locked sources can be selected but not moved.
 */
export function EditOverlay() {
  const { store } = useServices();
  const { sources, selectedId } = useStudio((s) => ({ sources: selectPreviewScene(s)?.sources ?? NO_SOURCES, selectedId: s.selectedSourceId }));
  const drag = useRef<Drag | null>(null);
  const selected = sources.find((s) => s.id === selectedId && !s.transform.hidden) ?? null;

  const point = (e: PointerEvent<SVGSVGElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    return { p: toCanvasPoint({ x: e.clientX, y: e.clientY }, { x: r.left, y: r.top, w: r.width, h: r.height }, SIZE), scale: W / r.width };
  };

  const onDown = (e: PointerEvent<SVGSVGElement>) => {
    const { p, scale } = point(e);
    const radius = HANDLE_PX * scale * 1.5;
    let target = selected;
    let grab: Grab | null = target ? grabAt(boxOf(target.transform, SIZE), p.x, p.y, radius) : null;
    if (!grab) {
      target = topSourceAt(sources, p.x, p.y, SIZE);
      grab = target ? 'body' : null;
    }
    store.getState().selectSource(target?.id ?? null);
    if (!target || !grab) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { id: target.id, grab, start: p, transform: target.transform, pointerId: e.pointerId };
  };

  const onMove = (e: PointerEvent<SVGSVGElement>) => {
    const d = drag.current;
    if (!d || d.pointerId !== e.pointerId) return;
    const { p } = point(e);
    const next = dragTransform(d.transform, d.grab, (p.x - d.start.x) / W, (p.y - d.start.y) / H);
    store.getState().setTransform(d.id, { x: next.x, y: next.y, w: next.w, h: next.h });
  };

  const onUp = () => {
    drag.current = null;
  };

  const box = selected ? boxOf(selected.transform, SIZE) : null;
  return (
    <svg
      className="edit-overlay"
      data-testid="edit-overlay"
      viewBox={`0 0 ${W} ${H}`}
      preserveAspectRatio="none"
      onPointerDown={onDown}
      onPointerMove={onMove}
      onPointerUp={onUp}
      onPointerCancel={onUp}
    >
      {box && selected && (
        <g className={selected.transform.locked ? 'locked' : ''}>
          <rect x={box.x} y={box.y} width={box.w} height={box.h} className="sel-box" vectorEffect="non-scaling-stroke" />
          {!selected.transform.locked &&
            HANDLES.map((h) => {
              const c = handlePoint(box, h);
              return <rect key={h} className="handle" x={c.x - HANDLE_PX} y={c.y - HANDLE_PX} width={HANDLE_PX * 2} height={HANDLE_PX * 2} />;
            })}
        </g>
      )}
    </svg>
  );
}
