import { useStore } from 'zustand';
import { t } from '../../shared/i18n/index.js';
import { ConnectionBadge } from '../../shared/ui/ConnectionBadge.js';
import { BackstageChat } from '../../shared/stage/BackstageChat.js';
import { OnAirBanner } from '../../shared/stage/OnAirBanner.js';
import { ReturnFeed } from '../../shared/stage/ReturnFeed.js';
import type { StageClient } from '../../shared/stage/stage-client.js';
import { LevelMeter, Preview } from '../../shared/stage/DevicePreview.js';
import type { JoinController } from './join-store.js';

const STATE_TEXT = {
  backstage: 'join.backstage',
  connecting: 'join.connecting',
  // The link being up only means the host receives us; whether viewers do is the on-air banner's job.
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
  const stage = useStore(controller.store, (s) => s.stage);
  const selfId = useStore(controller.store, (s) => s.identity?.user.id ?? null);

  return (
    <div className="join-grid">
      <section className="panel">
        <h2>{session?.title}</h2>
        {stage && selfId && <StageStatus stage={stage} selfId={selfId} />}
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
        {stage && <BackstageChat client={stage} selfId={selfId} />}
      </section>
      <section className="panel">
        <h2>{t('join.program')}</h2>
        <ReturnFeed stream={program} />
        <h3>{t('join.preview')}</h3>
        <Preview stream={local} />
        <LevelMeter stream={local} />
      </section>
    </div>
  );
}

function StageStatus({ stage, selfId }: { stage: StageClient; selfId: string }) {
  useStore(stage.store, (s) => s.stage);
  return <OnAirBanner status={stage.statusOf(selfId)} />;
}
