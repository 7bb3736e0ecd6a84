import { t } from '../../../shared/i18n/index.js';
import { useServices } from '../../context.js';
import { SaveStatus, useSave } from './SaveStatus.js';
import { useSettings } from './use-settings.js';

/** Electron: where recordings are written (the OS folder dialog picks it). Web: the browser downloads them. */
export function RecordingsSection() {
  const { platform, settings } = useServices();
  const { preferences } = useSettings();
  const save = useSave();
  if (!preferences) return null;
  const { chooseRecordingsFolder, showRecordingsFolder } = platform;
  if (!chooseRecordingsFolder) return <p className="muted" data-testid="settings-recordings-web">{t('settings.recordings.web')}</p>;
  return (
    <div className="settings-fields">
      <p className="field">
        {t('settings.recordings.folder')}
        <code data-testid="settings-recordings-folder">{preferences.recordingsFolder ?? t('settings.recordings.default')}</code>
      </p>
      <div className="row">
        <button
          data-testid="settings-recordings-change"
          className="secondary"
          // Main saves the folder the user picked and tells every window (settings:changed); reload to be sure.
          onClick={() => save.run(chooseRecordingsFolder().then((folder) => (folder ? settings.load() : null)))}
        >
          {t('settings.recordings.change')}
        </button>
        {showRecordingsFolder && (
          <button data-testid="settings-recordings-show" className="secondary" onClick={() => save.run(showRecordingsFolder())}>
            {t('settings.recordings.show')}
          </button>
        )}
      </div>
      <SaveStatus state={save.state} />
    </div>
  );
}
