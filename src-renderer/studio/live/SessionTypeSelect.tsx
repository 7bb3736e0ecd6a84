import { t } from '../../shared/i18n/index.js';
import { SessionType } from '../../../protocol/sessions.js';

const LABEL_KEYS = {
  video: 'studio.live.type.video',
  audio: 'studio.live.type.audio',
  screen: 'studio.live.type.screen',
} as const satisfies Record<SessionType, string>;

/** The kind of live (video, audio only, screen): one select for the go-live form and the encoder defaults,
 *  its options taken from the protocol's enum so a new kind shows up in both. */
export function SessionTypeSelect({ value, onChange, testId }: { value: SessionType; onChange: (type: SessionType) => void; testId: string }) {
  return (
    <select data-testid={testId} value={value} onChange={(e) => onChange(SessionType.parse(e.target.value))}>
      {SessionType.options.map((type) => (
        <option key={type} value={type}>{t(LABEL_KEYS[type])}</option>
      ))}
    </select>
  );
}
