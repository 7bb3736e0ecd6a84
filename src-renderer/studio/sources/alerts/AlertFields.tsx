import { t } from '../../../shared/i18n/index.js';
import type { AlertSettings } from '../../scenes/model/types.js';
import { useServices } from '../../context.js';
import { alertQueue } from './alert-queue.js';
import './alerts.css';

const KINDS = ['follow', 'gift', 'topGifter'] as const;
const LABEL = { follow: 'alerts.props.follow', gift: 'alerts.props.gift', topGifter: 'alerts.props.topGifter' } as const;

/** The alerts source's properties: what it shows, for how long, with or without a chime; and a test alert. */
export function AlertFields({ id, alerts }: { id: string; alerts: AlertSettings }) {
  const { store } = useServices();
  const update = (patch: Partial<AlertSettings>) => store.getState().updateSource(id, { alerts: { ...alerts, ...patch } });
  return (
    <>
      <label className="field">
        {t('alerts.props.duration')}
        <input
          type="number"
          min={1}
          max={30}
          data-testid="alerts-duration"
          value={alerts.durationMs / 1000}
          onChange={(e) => update({ durationMs: Math.round(Math.min(30, Math.max(1, Number(e.target.value) || 5)) * 1000) })}
        />
      </label>
      <label className="alert-check">
        <input type="checkbox" checked={alerts.sound} onChange={(e) => update({ sound: e.target.checked })} /> {t('alerts.props.sound')}
      </label>
      {KINDS.map((kind) => (
        <label key={kind} className="alert-check">
          <input type="checkbox" data-testid={`alerts-${kind}`} checked={alerts[kind]} onChange={(e) => update({ [kind]: e.target.checked })} /> {t(LABEL[kind])}
        </label>
      ))}
      <button
        type="button"
        className="secondary"
        data-testid="alerts-test"
        onClick={() => alertQueue.push({ kind: 'gift', name: t('alerts.props.testName'), gift: { name: '🌹', emoji: '🌹', count: 5 } })}
      >
        {t('alerts.props.test')}
      </button>
    </>
  );
}
