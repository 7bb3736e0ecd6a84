import { t } from '../../shared/i18n/index.js';
import { useLive } from '../context.js';
import { AnalyticsChart } from './AnalyticsChart.js';
import { PastLives } from './PastLives.js';
import { useLiveAnalytics } from './use-analytics.js';
import './analytics.css';

function LiveCharts({ sessionId }: { sessionId: string }) {
  const { report, failed } = useLiveAnalytics(sessionId, true);
  return (
    <div className="analytics-live" data-testid="analytics-live">
      <h4>{t('analytics.liveCharts')}</h4>
      {failed && <p className="muted">{t('analytics.unavailable')}</p>}
      {report && report.buckets.length === 0 && <p className="muted">{t('analytics.waiting')}</p>}
      <AnalyticsChart buckets={report?.buckets ?? []} testId="live-chart" />
    </div>
  );
}

/** The studio's Analytics section: charts of the live on air, and the dashboard of past lives. */
export function AnalyticsPanel() {
  const live = useLive();
  const onAir = live.phase === 'live' && live.session ? live.session.id : null;
  return (
    <details className="panel analytics" data-testid="analytics-panel">
      <summary className="panel-head">
        <h2>{t('analytics.title')}</h2>
      </summary>
      {onAir && <LiveCharts sessionId={onAir} />}
      {/* Re-read when a live starts or ends. */}
      <PastLives refreshKey={live.phase} />
    </details>
  );
}
