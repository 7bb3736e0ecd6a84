import { useRef, useState } from 'react';
import { t, type StringKey } from '../../shared/i18n/index.js';
import type { Source, SourceKind } from '../scenes/model/types.js';
import { selectPreviewScene } from '../store/index.js';
import { useServices, useStudio } from '../context.js';
import { errorCodeOf, errorText } from '../../shared/ui/error-text.js';
import { useScreenCapture } from './use-screen-capture.js';
import { RepairButton, useScreenLost } from './repair.js';
import { readFileAsDataUrl } from './read-file.js';

const NO_SOURCES: Source[] = [];
const ADDABLE: SourceKind[] = ['camera', 'microphone', 'screen', 'image', 'text', 'color', 'alerts'];
export const KIND_LABEL: Record<SourceKind, StringKey> = {
  camera: 'studio.kind.camera',
  microphone: 'studio.kind.microphone',
  screen: 'studio.kind.screen',
  image: 'studio.kind.image',
  text: 'studio.kind.text',
  color: 'studio.kind.color',
  guest: 'studio.kind.guest',
  alerts: 'studio.kind.alerts',
};

export function SourcesPanel() {
  const { store, engine } = useServices();
  const { sources, selected } = useStudio((s) => ({
    sources: selectPreviewScene(s)?.sources ?? NO_SOURCES,
    selected: s.selectedSourceId,
  }));
  const [menuOpen, setMenuOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { capture, picker } = useScreenCapture();
  const fileInput = useRef<HTMLInputElement>(null);
  const actions = store.getState();

  const add = async (kind: SourceKind) => {
    setMenuOpen(false);
    setError(null);
    try {
      if (kind === 'image') return fileInput.current?.click();
      if (kind === 'screen') {
        const stream = await capture();
        engine.media.attach(actions.addSource('screen', { name: t(KIND_LABEL.screen) }), stream);
        return;
      }
      actions.addSource(kind, { name: t(KIND_LABEL[kind]) });
    } catch (err) {
      setError(errorCodeOf(err));
    }
  };

  const onImage = async (file: File | undefined) => {
    if (!file) return;
    actions.addSource('image', { url: await readFileAsDataUrl(file), name: file.name.slice(0, 100) });
  };

  return (
    <section className="panel">
      <header className="panel-head">
        <h2>{t('studio.sources')}</h2>
        <div className="menu-anchor">
          <button data-testid="source-add" title={t('studio.source.add')} aria-expanded={menuOpen} onClick={() => setMenuOpen(!menuOpen)}>
            +
          </button>
          {menuOpen && (
            <ul className="menu" role="menu">
              {ADDABLE.map((kind) => (
                <li key={kind}>
                  <button role="menuitem" data-testid={`source-kind-${kind}`} onClick={() => void add(kind)}>
                    {t(KIND_LABEL[kind])}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
        <input
          ref={fileInput}
          type="file"
          accept="image/*"
          hidden
          data-testid="source-image-file"
          onChange={(e) => {
            void onImage(e.target.files?.[0]);
            e.target.value = '';
          }}
        />
      </header>
      {error && <p className="error">{errorText(error)}</p>}
      {sources.length === 0 && <p className="muted empty">{t('studio.source.empty')}</p>}
      <ol className="list sources">
        {[...sources].reverse().map((source) => {
          const index = sources.indexOf(source);
          return (
            <li
              key={source.id}
              data-testid="source-item"
              data-kind={source.kind}
              className={source.id === selected ? 'selected' : ''}
              onClick={() => actions.selectSource(source.id)}
            >
              <span className="kind">{t(KIND_LABEL[source.kind])}</span>
              <span className="name">{source.name}</span>
              {source.kind === 'screen' && <SourceRepair id={source.id} />}
              <span className="item-actions" onClick={(e) => e.stopPropagation()}>
                <button
                  title={source.transform.hidden ? t('studio.source.show') : t('studio.source.hide')}
                  aria-pressed={source.transform.hidden}
                  onClick={() => actions.setTransform(source.id, { hidden: !source.transform.hidden })}
                >
                  {source.transform.hidden ? '◌' : '◉'}
                </button>
                <button
                  title={source.transform.locked ? t('studio.source.unlock') : t('studio.source.lock')}
                  aria-pressed={source.transform.locked}
                  onClick={() => actions.setTransform(source.id, { locked: !source.transform.locked })}
                >
                  {source.transform.locked ? '⊠' : '⊡'}
                </button>
                <button title={t('studio.moveUp')} onClick={() => actions.moveSource(source.id, index + 1)}>↑</button>
                <button title={t('studio.moveDown')} onClick={() => actions.moveSource(source.id, index - 1)}>↓</button>
                <button title={t('studio.delete')} onClick={() => actions.removeSource(source.id)}>✕</button>
              </span>
            </li>
          );
        })}
      </ol>
      {picker}
    </section>
  );
}

/** A screen source without its capture (reload, sharing stopped): a badge in its row, one click to pick again. */
function SourceRepair({ id }: { id: string }) {
  const lost = useScreenLost({ id, kind: 'screen' });
  if (!lost) return null;
  return (
    <span className="source-repair" onClick={(e) => e.stopPropagation()}>
      <RepairButton sourceId={id} testId="source-repair" />
    </span>
  );
}
