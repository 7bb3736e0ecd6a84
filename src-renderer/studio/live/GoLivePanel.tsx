import { useEffect, useRef, useState, type FormEvent } from 'react';
import { t } from '../../shared/i18n/index.js';
import type { SessionType } from '../../../protocol/sessions.js';
import { SessionTypeSelect } from './SessionTypeSelect.js';
import { routes } from '../../../protocol/routes.js';
import { useLive, useServices } from '../context.js';
import { errorText } from '../../shared/ui/error-text.js';
import { formatDuration } from './format.js';
import { preLiveChecks } from './checks.js';
import { EndLiveButton } from './EndLiveButton.js';
import { PostLiveSummary } from './PostLiveSummary.js';
import { PostLiveReport } from '../analytics/PostLiveReport.js';
import { PreLiveChecklist } from './PreLiveChecklist.js';
import { useHealth } from './health/use-health.js';
import './live.css';
import { useStudio } from '../context.js';
import { ViewerLink } from './ViewerLink.js';
import { CopyButton } from './CopyButton.js';
import { startThumbnailUploads } from './thumbnail-uploader.js';
import { LiveRecordingSwitch, RecordingChoice } from '../replays/RecordingSwitch.js';
import { LiveDestinations } from '../destinations/LiveDestinations.js';

function LiveStatsView() {
  const live = useLive();
  const health = useHealth();
  const s = live.stats;
  return (
    <dl className="stats" data-testid="live-stats">
      <dt>{t('studio.stats.fps')}</dt>
      <dd>{s.fps.toFixed(0)}</dd>
      <dt>{t('studio.stats.bitrate')}</dt>
      <dd>{s.bitrateKbps} kb/s</dd>
      <dt>{t('studio.stats.dropped')}</dt>
      <dd>{s.droppedFrames}</dd>
      <dt>{t('studio.stats.viewers')}</dt>
      {/* Unknown while the relay is unreachable: a stale count would claim viewers who may be gone. */}
      <dd data-testid="live-viewers">{health.viewers ?? '—'}</dd>
      <dt>{t('studio.stats.duration')}</dt>
      <dd>{formatDuration(s.durationMs)}</dd>
    </dl>
  );
}

/** How the program reaches viewers, and whether the single WHIP upload is getting through. */
function MediaStatus() {
  const { media } = useLive();
  if (!media.transport) return null;
  const upload = media.upload;
  return (
    <div className="media-status" data-testid="live-media" data-transport={media.transport} data-upload={upload?.state ?? 'none'}>
      <p>
        {t('studio.media.transport')}: {t(media.transport === 'whip' ? 'studio.media.whip' : 'studio.media.p2p')}
        {upload?.state === 'connecting' && ` — ${t('studio.media.connecting')}`}
        {upload?.state === 'sending' && ` — ${t('studio.media.sending')}`}
      </p>
      {upload?.state === 'failed' && (
        <p className="error" role="alert" data-testid="live-media-error">
          {upload.reason === 'duplicate' ? t('studio.media.encoderStreaming') : t('studio.media.failed', { reason: errorText(upload.reason ?? 'unavailable') })}
        </p>
      )}
    </div>
  );
}

export function GoLivePanel() {
  const { live, engine, api, commands } = useServices();
  const state = useLive();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [type, setType] = useState<SessionType>('video');
  const [isPublic, setIsPublic] = useState(true);
  const [maxParticipants, setMaxParticipants] = useState(4);
  // Recording follows the visibility (on for public lives) until the host chooses.
  const [recordChoice, setRecordChoice] = useState<boolean | null>(null);
  const record = recordChoice ?? isPublic;
  const titleRef = useRef<HTMLInputElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const [summaryFor, setSummaryFor] = useState<{ id: string; title: string } | null>(null);
  const health = useHealth();
  // A shallowly compared list of check names: re-renders only when the advice changes.
  const checks = useStudio((s) => preLiveChecks({ title, type, scenes: s.scenes, programSceneId: s.programSceneId, hasMedia: (id) => engine.media.has(id) }));

  // On air, the directory card shows the program: a small picture every 30 s.
  const liveSessionId = state.phase === 'live' ? (state.session?.id ?? null) : null;
  useEffect(() => (liveSessionId ? startThumbnailUploads(api, liveSessionId, engine.compositor.program) : undefined), [api, engine, liveSessionId]);
  // Menu › Go Live / End Live: starts with this form, as its Start button does; ending asks first, as its button does.
  const [askEnd, setAskEnd] = useState(0);
  useEffect(
    () =>
      commands.on('live:toggle', () => {
        const phase = live.getSnapshot().phase;
        if (phase === 'live') setAskEnd((n) => n + 1);
        else if (phase === 'idle' || phase === 'error') formRef.current?.requestSubmit();
      }),
    [commands, live],
  );

  // The relay knows an address other machines can open (PUBLIC_URL or its LAN address), unlike `localhost`.
  const [shareBase, setShareBase] = useState(api.baseUrl);
  useEffect(() => {
    let current = true;
    api.call(routes.relayInfo).then((info) => current && setShareBase(info.shareBaseUrl), () => undefined);
    return () => {
      current = false;
    };
  }, [api]);

  const busy = state.phase === 'creating' || state.phase === 'ending';
  const onAir = state.phase === 'live';
  const shareUrl = state.session ? `${shareBase}/watch/${state.session.id}` : null;

  const start = (e: FormEvent) => {
    e.preventDefault();
    void engine.mixer.resume();
    void live.goLive({ title: title.trim() || t('studio.live.defaultTitle'), description, type, isPublic, maxParticipants }, { record });
  };

  return (
    <section className="panel golive">
      <header className="panel-head">
        <h2>{t('studio.live')}</h2>
        <button data-testid="go-live" className={onAir ? 'live' : ''} onClick={() => titleRef.current?.focus()}>
          {onAir ? (health.level === 'bad' ? t('studio.health.badgeTrouble') : t('studio.live.onAir')) : t('studio.live.goLive')}
        </button>
      </header>
      <p className="live-state">
        {t('studio.live.state')}:{' '}
        <strong data-testid="live-state" data-state={state.sessionState ?? 'none'} data-session-id={state.session?.id} className={`state-${state.sessionState ?? 'none'}`}>
          {state.sessionState ? t(`session.state.${state.sessionState}`) : t('studio.live.offline')}
        </strong>
      </p>
      {state.error && <p className="error" role="alert">{errorText(state.error)}</p>}
      {summaryFor && !onAir && <PostLiveSummary sessionId={summaryFor.id} title={summaryFor.title} onClose={() => setSummaryFor(null)} />}
      {summaryFor && !onAir && <PostLiveReport sessionId={summaryFor.id} />}
      {!onAir && (
        <form ref={formRef} onSubmit={start} className="golive-form">
          <label className="field wide">
            {t('studio.live.title')}
            <input ref={titleRef} data-testid="live-title" maxLength={120} value={title} onChange={(e) => setTitle(e.target.value)} />
          </label>
          <label className="field wide">
            {t('studio.live.description')}
            <textarea maxLength={2000} value={description} onChange={(e) => setDescription(e.target.value)} />
          </label>
          <div className="grid4">
            <label className="field">
              {t('studio.live.type')}
              <SessionTypeSelect testId="live-type" value={type} onChange={setType} />
            </label>
            <label className="field">
              {t('studio.live.maxParticipants')}
              <input type="number" min={2} max={10} value={maxParticipants} onChange={(e) => setMaxParticipants(Math.max(2, Math.min(10, Number(e.target.value) || 2)))} />
            </label>
            <label className="inline">
              <input data-testid="live-public" type="checkbox" checked={isPublic} onChange={(e) => setIsPublic(e.target.checked)} />
              {t('studio.live.public')}
            </label>
          </div>
          <p className="notice-line" data-testid="visibility-explainer">
            {isPublic ? t('studio.live.publicMeans') : t('studio.live.privateMeans')}
          </p>
          <RecordingChoice checked={record} onChange={setRecordChoice} />
          <PreLiveChecklist checks={checks} />
          <button data-testid="live-start" type="submit" disabled={busy}>
            {state.phase === 'creating' ? t('studio.live.starting') : checks.length > 0 ? t('studio.live.startAnyway') : t('studio.live.start')}
          </button>
        </form>
      )}
      {shareUrl && state.phase !== 'idle' && state.session?.isPublic && (
        <div className="share">
          <input readOnly data-testid="live-share-url" value={shareUrl} aria-label={t('studio.live.share')} onFocus={(e) => e.target.select()} />
          <CopyButton text={shareUrl} testId="live-share-copy" />
        </div>
      )}
      {state.phase !== 'idle' && state.session && !state.session.isPublic && <ViewerLink sessionId={state.session.id} />}
      {onAir && (
        <>
          <MediaStatus />
          {state.session && <LiveRecordingSwitch sessionId={state.session.id} />}
          {state.session && <LiveDestinations sessionId={state.session.id} />}
          <LiveStatsView />
          <EndLiveButton
            viewers={health.viewers}
            busy={busy}
            askRequest={askEnd}
            onEnd={() => {
              const session = state.session;
              void live.end().then(() => session && setSummaryFor({ id: session.id, title: session.title }));
            }}
          />
        </>
      )}
    </section>
  );
}
