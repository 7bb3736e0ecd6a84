import { useEffect, useRef } from 'react';
import { useStore } from 'zustand';
import { t } from '../../shared/i18n/index.js';
import { ConnectionBadge } from '../../shared/ui/ConnectionBadge.js';
import { LevelMeter, Preview } from './DeviceStep.js';
import type { JoinController } from './join-store.js';

const STATE_TEXT = {
  backstage: 'join.backstage',
  connecting: 'join.connecting',
  // The link being up only means the host receives us; the protocol has no "in the program" signal,
  // so say what is true rather than "on stage".
  'on-stage': 'join.linkedToHost',
  reconnecting: 'join.reconnecting',
  left: 'join.left',
} as const;

/** Backstage / on stage: the program coming back, the guest's own camera, the host's switches, Leave. */
export function StageView({ controller }: { controller: JoinController }) {
  const linkState = useStore(controller.store, (s) => s.linkState);
  const program = useStore(controller.store, (s) => s.program);
  const local = useStore(controller.store, (s) => s.local);
  const flags = useStore(controller.store, (s) => s.flags);
  const connection = useStore(controller.store, (s) => s.connection);
  const session = useStore(controller.store, (s) => s.session);
  const programVideo = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    if (programVideo.current) programVideo.current.srcObject = program;
  }, [program]);

  return (
    <div className="join-grid">
      <section className="panel">
        <h2>{session?.title}</h2>
        <p role="status" data-testid="guest-state" data-state={linkState}>
          {t(STATE_TEXT[linkState])}
        </p>
        <ConnectionBadge state={connection} />
        {!flags.audioEnabled && (
          <p className="notice" data-testid="host-muted-notice">
            {t('join.mutedByHost')}
          </p>
        )}
        {!flags.videoEnabled && (
          <p className="notice" data-testid="host-video-off-notice">
            {t('join.videoOffByHost')}
          </p>
        )}
        <button type="button" className="secondary" data-testid="guest-leave" onClick={() => void controller.leave()}>
          {t('join.leave')}
        </button>
      </section>
      <section className="panel">
        <h2>{t('join.program')}</h2>
        {/* The program carries our own voice back from the host: keep it muted to avoid an echo. */}
        <video ref={programVideo} className="preview" data-testid="program" muted autoPlay playsInline aria-label={t('join.program')} />
        <h3>{t('join.preview')}</h3>
        <Preview stream={local} />
        <LevelMeter stream={local} />
      </section>
    </div>
  );
}
