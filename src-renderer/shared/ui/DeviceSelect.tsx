import { t } from '../i18n/index.js';

/**
 * A camera or microphone picker, written once for the /join device step and the studio's guest console:
 * "—" is the default device, "none" joins without it, unnamed devices are numbered.
 */
export function DeviceSelect(props: {
  kind: 'camera' | 'microphone';
  devices: readonly MediaDeviceInfo[];
  value: string;
  onChange: (deviceId: string) => void;
  testId: string;
}) {
  const name = t(props.kind === 'camera' ? 'join.camera' : 'join.microphone');
  return (
    <label>
      {name}
      <select data-testid={props.testId} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        <option value="">—</option>
        {props.devices.map((d, i) => (
          <option key={d.deviceId || i} value={d.deviceId}>
            {d.label || `${name} ${i + 1}`}
          </option>
        ))}
        <option value="none">{t('join.noDevice')}</option>
      </select>
    </label>
  );
}
