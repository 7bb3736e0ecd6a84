import type { AnalyticsTotals } from '../../../protocol/analytics.js';
import { t } from '../../shared/i18n/index.js';
import { formatDuration } from '../live/format.js';

export const percent = (share: number): string => `${Math.round(share * 100)} %`;

/** A live's totals as a definition list (the post-live report). */
export function Totals({ totals }: { totals: AnalyticsTotals }) {
  const rows: Array<[string, string, string]> = [
    ['peak', t('analytics.peak'), String(totals.peakViewers)],
    ['average', t('analytics.average'), totals.averageViewers.toFixed(1)],
    ['unique', t('analytics.unique'), String(totals.uniqueViewers)],
    ['watch-time', t('analytics.watchTime'), formatDuration(totals.watchTimeMs)],
    ['average-watch-time', t('analytics.averageWatchTime'), formatDuration(totals.averageWatchTimeMs)],
    ['chat-participation', t('analytics.chatParticipation'), percent(totals.chatParticipation)],
    ['messages', t('analytics.messages'), String(totals.chatMessages)],
    ['follows', t('analytics.follows'), String(totals.followsGained)],
    ['coins', t('analytics.coins'), String(totals.coinsEarned)],
  ];
  return (
    <dl className="stats analytics-totals">
      {rows.map(([id, label, value]) => (
        <div key={id} className="analytics-total">
          <dt>{label}</dt>
          <dd data-testid={`report-${id}`}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
