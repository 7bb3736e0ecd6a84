import type { CSSProperties } from 'react';
import { useStudio } from '../../context.js';
import { formatOf, isPortrait } from './presets.js';

/** A canvas box shaped like the output; a portrait one is capped in height and centred, as a phone would show it. */
export function useStageShape(): CSSProperties {
  const format = formatOf(useStudio((s) => s.output));
  const ratio = `${format.width} / ${format.height}`;
  if (!isPortrait(format)) return { aspectRatio: ratio };
  return { aspectRatio: ratio, width: `min(100%, calc(62vh * ${format.width} / ${format.height}))`, marginInline: 'auto' };
}
