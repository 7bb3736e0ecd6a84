import { t } from '../../shared/i18n/index.js';
import { AnalyticsChart } from './AnalyticsChart.js';
import { Totals } from './Totals.js';
import { useLiveAnalytics } from './use-analytics.js';
import './analytics.css';

/** After the end: the live's report from the relay's analytics (totals and the whole live's chart). */
export function PostLiveReport({ sessionId }: { sessionId: string }) {
  const { report, failed } = useLiveAnalytics(sessionId, false);
  return (
    <section className="analytics-report" data-testid="post-live-report" aria-label={t('analytics.report')}>
      <h4>{t('analytics.report')}</h4>
      {failed && <p className="muted">{t('analytics.unavailable')}</p>}
      {!report && !failed && <p className="muted">{t('common.loading')}</p>}
      {report && (
        <>
          <Totals totals={report.totals} />
          <AnalyticsChart buckets={report.buckets} testId="report-chart" />
        </>
      )}
    </section>
  );
}
