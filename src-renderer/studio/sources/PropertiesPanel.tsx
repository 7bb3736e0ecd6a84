import { AlertFields } from './alerts/AlertFields.js';
import { useEffect, useState } from 'react';
import { t } from '../../shared/i18n/index.js';
import type { Crop, FitMode, Source, TextStyle, Transform } from '../scenes/model/types.js';
import { selectSelectedSource } from '../store/index.js';
import { useServices, useStudio } from '../context.js';
import { RepairButton, useScreenLost } from './repair.js';

function Num({ label, value, onChange, min, max, step = 1 }: { label: string; value: number; onChange: (v: number) => void; min?: number; max?: number; step?: number }) {
  return (
    <label className="field">
      {label}
      <input type="number" value={Math.round(value * 100) / 100} min={min} max={max} step={step} onChange={(e) => e.target.value !== '' && onChange(Number(e.target.value))} />
    </label>
  );
}

/** Percent inputs over a fraction. */
const pct = (v: number) => v * 100;

function TransformFields({ source }: { source: Source }) {
  const { store } = useServices();
  const tr = source.transform;
  const set = (patch: Partial<Transform>) => store.getState().setTransform(source.id, patch);
  const crop = (edge: keyof Crop, v: number) => set({ crop: { ...tr.crop, [edge]: Math.max(0, Math.min(0.95, v / 100)) } });
  return (
    <fieldset disabled={tr.locked}>
      <legend>{t('studio.props.transform')}</legend>
      <div className="grid4">
        <Num label="X %" value={pct(tr.x)} onChange={(v) => set({ x: v / 100 })} />
        <Num label="Y %" value={pct(tr.y)} onChange={(v) => set({ y: v / 100 })} />
        <Num label={`${t('studio.props.width')} %`} value={pct(tr.w)} min={1} onChange={(v) => set({ w: v / 100 })} />
        <Num label={`${t('studio.props.height')} %`} value={pct(tr.h)} min={1} onChange={(v) => set({ h: v / 100 })} />
      </div>
      <div className="grid4">
        {(['top', 'right', 'bottom', 'left'] as const).map((edge) => (
          <Num key={edge} label={`${t(`studio.props.crop.${edge}`)} %`} value={pct(tr.crop[edge])} min={0} max={95} onChange={(v) => crop(edge, v)} />
        ))}
      </div>
      <label className="field">
        {t('studio.props.fit')}
        <select value={tr.fit} onChange={(e) => set({ fit: e.target.value as FitMode })}>
          <option value="fit">{t('studio.props.fit.fit')}</option>
          <option value="fill">{t('studio.props.fit.fill')}</option>
          <option value="stretch">{t('studio.props.fit.stretch')}</option>
        </select>
      </label>
    </fieldset>
  );
}

function TextFields({ id, style }: { id: string; style: TextStyle }) {
  const { store } = useServices();
  const set = (patch: Partial<TextStyle>) => store.getState().updateSource(id, { style: { ...style, ...patch } });
  return (
    <fieldset>
      <legend>{t('studio.kind.text')}</legend>
      <label className="field wide">
        {t('studio.props.text')}
        <textarea data-testid="text-content" value={style.text} maxLength={500} onChange={(e) => set({ text: e.target.value })} />
      </label>
      <div className="grid4">
        <label className="field">
          {t('studio.props.font')}
          <select value={style.font} onChange={(e) => set({ font: e.target.value })}>
            {['sans-serif', 'serif', 'monospace', 'system-ui', 'cursive'].map((f) => (
              <option key={f}>{f}</option>
            ))}
          </select>
        </label>
        <Num label={t('studio.props.size')} value={style.size} min={4} max={400} onChange={(v) => set({ size: Math.max(4, Math.min(400, v)) })} />
        <label className="field">
          {t('studio.props.color')}
          <input type="color" value={style.color} onChange={(e) => set({ color: e.target.value })} />
        </label>
        <label className="field">
          {t('studio.props.outline')}
          <input type="color" value={style.outlineColor} onChange={(e) => set({ outlineColor: e.target.value })} />
        </label>
        <Num label={t('studio.props.outlineWidth')} value={style.outlineWidth} min={0} max={40} onChange={(v) => set({ outlineWidth: Math.max(0, Math.min(40, v)) })} />
      </div>
    </fieldset>
  );
}

function DeviceField({ id, kind, deviceId }: { id: string; kind: 'videoinput' | 'audioinput'; deviceId: string | null }) {
  const { store, engine } = useServices();
  const [devices, setDevices] = useState<MediaDeviceInfo[]>([]);
  useEffect(() => {
    void engine.media.listDevices().then((all) => setDevices(all.filter((d) => d.kind === kind)));
  }, [engine, kind]);
  return (
    <label className="field wide">
      {t('studio.props.device')}
      <select value={deviceId ?? ''} onChange={(e) => store.getState().updateSource(id, { deviceId: e.target.value || null })}>
        <option value="">{t('studio.props.defaultDevice')}</option>
        {devices.map((d, i) => (
          <option key={d.deviceId || i} value={d.deviceId}>
            {d.label || `${kind} ${i + 1}`}
          </option>
        ))}
      </select>
    </label>
  );
}

/** A screen source restored from a saved collection has no capture until the user picks again. */
function Recapture({ id }: { id: string }) {
  if (!useScreenLost({ id, kind: 'screen' })) return null;
  return <RepairButton sourceId={id} testId="props-repair" label={t('studio.props.recapture')} />;
}

function KindFields({ source }: { source: Source }) {
  const { store } = useServices();
  switch (source.kind) {
    case 'text':
      return <TextFields id={source.id} style={source.style} />;
    case 'color':
      return (
        <label className="field">
          {t('studio.props.color')}
          <input type="color" value={source.color} onChange={(e) => store.getState().updateSource(source.id, { color: e.target.value })} />
        </label>
      );
    case 'camera':
      return <DeviceField id={source.id} kind="videoinput" deviceId={source.deviceId} />;
    case 'microphone':
      return <DeviceField id={source.id} kind="audioinput" deviceId={source.deviceId} />;
    case 'screen':
      return <Recapture id={source.id} />;
    case 'alerts':
      return <AlertFields id={source.id} alerts={source.alerts} />;
    default:
      return null;
  }
}

export function PropertiesPanel() {
  const { store } = useServices();
  const source = useStudio(selectSelectedSource);
  return (
    <section className="panel properties">
      <header className="panel-head">
        <h2>{t('studio.properties')}</h2>
      </header>
      {!source ? (
        <p className="muted empty">{t('studio.props.none')}</p>
      ) : (
        <div className="props-body">
          <label className="field wide">
            {t('studio.props.name')}
            <input key={source.id} defaultValue={source.name} onBlur={(e) => store.getState().renameSource(source.id, e.target.value)} />
          </label>
          <KindFields source={source} />
          <TransformFields source={source} />
        </div>
      )}
    </section>
  );
}
