import { useEffect, useState } from 'react';
import { t } from '../../../shared/i18n/index.js';
import { meterFill } from './meter.js';
import { audibleOnAir } from './on-air.js';
import './audio.css';
import { audioScopeOf } from '../../scenes/model/types.js';
import { useServices, useStudio } from '../../context.js';

function Meter({ db, label }: { db: number; label: string }) {
  const fill = meterFill(db);
  return (
    <div className="meter" role="meter" aria-label={label} aria-valuemin={-60} aria-valuemax={0} aria-valuenow={Math.round(db)}>
      {/* The gradient spans the whole track (green → yellow → red by level); the cover hides what is above the level. */}
      <div className="meter-cover" style={{ width: `${(1 - fill) * 100}%` }} />
    </div>
  );
}

export function MixerPanel() {
  const { store, engine } = useServices();
  // Every channel heard on program: global ones (microphones) whatever scene is on air, plus that scene's own.
  const channels = useStudio((s) => audibleOnAir(s.scenes, s.programSceneId));
  const [levels, setLevels] = useState<{ inputs: Record<string, number>; master: number }>({ inputs: {}, master: -60 });
  useEffect(() => engine.mixer.events.on('levels', setLevels), [engine]);
  const actions = store.getState();

  return (
    <section className="panel mixer">
      <header className="panel-head">
        <h2>{t('studio.mixer')}</h2>
        <button className="secondary" title={t('studio.mixer.enable')} onClick={() => void engine.mixer.resume()}>
          ♪
        </button>
      </header>
      <div className="channel master">
        <span className="name">{t('studio.mixer.master')}</span>
        <Meter db={levels.master} label={t('studio.mixer.master')} />
      </div>
      {channels.length === 0 && <p className="muted empty">{t('studio.mixer.empty')}</p>}
      {channels.map((s) => (
        <div className="channel" key={s.id} data-testid="mixer-channel" data-scope={audioScopeOf(s)}>
          <span className="name">{s.name}</span>
          <Meter db={s.audio.muted ? -60 : (levels.inputs[s.id] ?? -60)} label={s.name} />
          <input
            type="range"
            min={0}
            max={2}
            step={0.01}
            aria-label={t('studio.mixer.volume')}
            value={s.audio.gain}
            onChange={(e) => actions.setAudio(s.id, { gain: Number(e.target.value) })}
          />
          <button aria-pressed={s.audio.muted} className={s.audio.muted ? 'danger' : 'secondary'} onClick={() => actions.setAudio(s.id, { muted: !s.audio.muted })}>
            {s.audio.muted ? t('studio.mixer.unmute') : t('studio.mixer.mute')}
          </button>
          <button aria-pressed={s.audio.monitor} className="secondary" onClick={() => actions.setAudio(s.id, { monitor: !s.audio.monitor })}>
            {s.audio.monitor ? t('studio.mixer.monitorOn') : t('studio.mixer.monitorOff')}
          </button>
          <button
            className="secondary"
            data-testid="mixer-scope"
            title={t(audioScopeOf(s) === 'global' ? 'studio.mixer.scope.globalHint' : 'studio.mixer.scope.sceneHint')}
            onClick={() => actions.setAudio(s.id, { scope: audioScopeOf(s) === 'global' ? 'scene' : 'global' })}
          >
            {t(audioScopeOf(s) === 'global' ? 'studio.mixer.scope.global' : 'studio.mixer.scope.scene')}
          </button>
        </div>
      ))}
    </section>
  );
}
