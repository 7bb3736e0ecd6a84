import { t } from '../../shared/i18n/index.js';
import type { DisplaySourceInfo } from '../../platform/index.js';

/** Our own screen/window picker (Electron): thumbnails of what can be captured. */
export function ScreenPicker({ sources, onDone }: { sources: DisplaySourceInfo[]; onDone: (id: string | null) => void }) {
  return (
    <div className="modal-backdrop" role="dialog" aria-modal="true" aria-label={t('studio.picker.title')}>
      <div className="modal">
        <h2>{t('studio.picker.title')}</h2>
        <div className="picker-grid">
          {sources.map((s) => (
            <button key={s.id} className="picker-item" onClick={() => onDone(s.id)}>
              <img src={s.thumbnailDataUrl} alt="" />
              <span>{s.kind === 'screen' ? t('studio.picker.screen') : t('studio.picker.window')}: {s.name}</span>
            </button>
          ))}
        </div>
        <button className="secondary" onClick={() => onDone(null)}>
          {t('common.cancel')}
        </button>
      </div>
    </div>
  );
}
