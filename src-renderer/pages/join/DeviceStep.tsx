import { useEffect, useState } from 'react';
import { t } from '../../shared/i18n/index.js';
import { listDevices, openDevices, type DeviceLists } from '../../shared/media/devices.js';
import { LevelMeter, Preview } from '../../shared/stage/DevicePreview.js';
import type { JoinController } from './join-store.js';

/** Camera and microphone pickers with a live preview and a level meter, then "Join backstage". */
export function DeviceStep({ controller, local }: { controller: JoinController; local: MediaStream | null }) {
  const [devices, setDevices] = useState<DeviceLists>({ cameras: [], microphones: [] });
  const [cameraId, setCameraId] = useState<string>('');
  const [microphoneId, setMicrophoneId] = useState<string>('');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    const wantVideo = cameraId !== 'none';
    const wantAudio = microphoneId !== 'none';
    if (!wantVideo && !wantAudio) {
      controller.setLocal(null);
      return;
    }
    openDevices({ cameraId: cameraId && cameraId !== 'none' ? cameraId : null, microphoneId: microphoneId && microphoneId !== 'none' ? microphoneId : null }, wantVideo, wantAudio)
      .then(async (stream) => {
        if (cancelled) return stream.getTracks().forEach((tr) => tr.stop());
        controller.setLocal(stream);
        setError(null);
        // Labels are only readable once permission is granted.
        setDevices(await listDevices());
      })
      .catch(() => !cancelled && setError(t('join.permission')));
    return () => {
      cancelled = true;
    };
  }, [controller, cameraId, microphoneId]);

  return (
    <div className="join-grid">
      <section className="panel">
        <h2>{t('join.devices')}</h2>
        <Preview stream={local} />
        <LevelMeter stream={local} />
      </section>
      <section className="panel form">
        <label>
          {t('join.camera')}
          <select data-testid="camera-select" value={cameraId} onChange={(e) => setCameraId(e.target.value)}>
            <option value="">—</option>
            {devices.cameras.map((d, i) => (
              <option key={d.deviceId || i} value={d.deviceId}>
                {d.label || `${t('join.camera')} ${i + 1}`}
              </option>
            ))}
            <option value="none">{t('join.noDevice')}</option>
          </select>
        </label>
        <label>
          {t('join.microphone')}
          <select data-testid="mic-select" value={microphoneId} onChange={(e) => setMicrophoneId(e.target.value)}>
            <option value="">—</option>
            {devices.microphones.map((d, i) => (
              <option key={d.deviceId || i} value={d.deviceId}>
                {d.label || `${t('join.microphone')} ${i + 1}`}
              </option>
            ))}
            <option value="none">{t('join.noDevice')}</option>
          </select>
        </label>
        {error && (
          <p className="notice error" role="alert">
            {error}
          </p>
        )}
        <button type="button" data-testid="join-enter" disabled={!local} onClick={() => void controller.enter()}>
          {t('join.enter')}
        </button>
      </section>
    </div>
  );
}

