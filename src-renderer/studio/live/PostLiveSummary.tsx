import { useEffect, useState } from 'react';
import { routes } from '../../../protocol/routes.js';
import type { SessionStats } from '../../../protocol/sessions.js';
import { t } from '../../shared/i18n/index.js';
import { useServices } from '../context.js';
import { formatDuration } from './format.js';

/** After the end: how the live went (duration, peak and total viewers, messages, reactions), from the relay. */
export function PostLiveSummary({ sessionId, title, onClose }: { sessionId: string; title: string; onClose: () => void }) {
  const { api } = useServices();
  const [stats, setStats] = useState<SessionStats | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let alive = true;
    api.call(routes.sessionStats, { params: { id: sessionId } }).then(
      (s) => alive && setStats(s),
      () => alive && setFailed(true),
    );
    return () => {
      alive = false;
    };
  }, [api, sessionId]);
  return (
    <section className="post-live" data-testid="post-live-summary" aria-labelledby="post-live-title">
      <h3 id="post-live-title">{t('studio.summary.title', { title })}</h3>
      {failed && <p className="muted">{t('studio.summary.unavailable')}</p>}
      {!stats && !failed && <p className="muted">{t('common.loading')}</p>}
      {stats && (
        <dl className="stats">
          <dt>{t('studio.stats.duration')}</dt>
          <dd data-testid="summary-duration">{formatDuration(stats.durationMs)}</dd>
          <dt>{t('studio.summary.peak')}</dt>
          <dd data-testid="summary-peak">{stats.peakViewerCount}</dd>
          <dt>{t('studio.summary.total')}</dt>
          <dd data-testid="summary-total">{stats.viewerTotal}</dd>
          <dt>{t('studio.summary.messages')}</dt>
          <dd data-testid="summary-messages">{stats.messageCount}</dd>
          <dt>{t('studio.summary.reactions')}</dt>
          <dd data-testid="summary-reactions">{stats.reactionCount}</dd>
        </dl>
      )}
      <button className="secondary" data-testid="post-live-close" onClick={onClose}>
        {t('common.close')}
      </button>
    </section>
  );
}
