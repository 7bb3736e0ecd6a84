import { useState } from 'react';
import { t } from '../../shared/i18n/index.js';
import { addSceneSafely } from './add-scene.js';
import '../live/live.css';
import { useLive, useServices, useStudio } from '../context.js';

export function ScenesPanel() {
  const { store } = useServices();
  const { scenes, programSceneId, previewSceneId, studioMode } = useStudio((s) => ({
    scenes: s.scenes,
    programSceneId: s.programSceneId,
    previewSceneId: s.previewSceneId,
    studioMode: s.studioMode,
  }));
  const [editing, setEditing] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const onAir = useLive().phase === 'live';
  const actions = store.getState();
  const add = () => {
    const { id, inPreview } = addSceneSafely(store, onAir, t('studio.scene.defaultName'));
    const name = store.getState().scenes.find((s) => s.id === id)?.name ?? '';
    setNotice(inPreview ? t('studio.scene.addedToPreview', { name }) : null);
  };

  return (
    <section className="panel">
      <header className="panel-head">
        <h2>{t('studio.scenes')}</h2>
        <button data-testid="scene-add" title={t('studio.scene.add')} onClick={add}>
          +
        </button>
      </header>
      {notice && (
        <p className="notice-line" role="status" data-testid="scene-added-notice">
          {notice}
        </p>
      )}
      <ol className="list">
        {scenes.map((scene, i) => (
          <li
            key={scene.id}
            data-testid="scene-item"
            data-active={scene.id === previewSceneId}
            data-on-air={scene.id === programSceneId}
            className={[scene.id === previewSceneId ? 'selected' : '', scene.id === programSceneId ? 'on-air' : ''].join(' ')}
            onClick={() => actions.selectScene(scene.id)}
            onDoubleClick={() => setEditing(scene.id)}
            title={i < 9 ? t('shortcuts.sceneTip', { key: i + 1 }) : undefined}
          >
            <span className="hotkey">{i < 9 ? i + 1 : ''}</span>
            {editing === scene.id ? (
              <input
                autoFocus
                defaultValue={scene.name}
                aria-label={t('studio.scene.rename')}
                onBlur={(e) => {
                  actions.renameScene(scene.id, e.target.value);
                  setEditing(null);
                }}
                onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
              />
            ) : (
              <span className="name">{scene.name}</span>
            )}
            {scene.id === programSceneId && <span className="tag live">{t('studio.scene.program')}</span>}
            {studioMode && scene.id === previewSceneId && <span className="tag">{t('studio.scene.preview')}</span>}
            <span className="item-actions" onClick={(e) => e.stopPropagation()}>
              <button title={t('studio.rename')} onClick={() => setEditing(scene.id)}>✎</button>
              <button title={t('studio.duplicate')} onClick={() => actions.duplicateScene(scene.id)}>⊕</button>
              <button title={t('studio.moveUp')} onClick={() => actions.moveScene(scene.id, i - 1)}>↑</button>
              <button title={t('studio.moveDown')} onClick={() => actions.moveScene(scene.id, i + 1)}>↓</button>
              <button title={t('studio.delete')} disabled={scenes.length === 1} onClick={() => actions.deleteScene(scene.id)}>✕</button>
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
