import { useCallback, useEffect, useMemo, useState } from 'react';
import type { AnalyticsLiveRow } from '../../../protocol/analytics.js';
import { routes } from '../../../protocol/routes.js';
import { t } from '../../shared/i18n/index.js';
import { useServices } from '../context.js';
import { formatDuration } from '../live/format.js';
import { toCsv, type CsvValue } from './csv.js';
import { percent } from './Totals.js';

interface Column {
  id: string;
  label: () => string;
  /** What the column sorts by and exports. */
  value: (row: AnalyticsLiveRow) => string | number;
  show: (row: AnalyticsLiveRow) => string;
}

const started = (row: AnalyticsLiveRow) => row.startedAt ?? '';

const COLUMNS: Column[] = [
  { id: 'title', label: () => t('analytics.liveTitle'), value: (r) => r.title, show: (r) => r.title },
  { id: 'date', label: () => t('analytics.date'), value: started, show: (r) => (r.startedAt ? new Date(r.startedAt).toLocaleString() : '—') },
  { id: 'duration', label: () => t('analytics.duration'), value: (r) => r.durationMs, show: (r) => formatDuration(r.durationMs) },
  { id: 'peak', label: () => t('analytics.peak'), value: (r) => r.totals.peakViewers, show: (r) => String(r.totals.peakViewers) },
  { id: 'average', label: () => t('analytics.average'), value: (r) => r.totals.averageViewers, show: (r) => r.totals.averageViewers.toFixed(1) },
  { id: 'unique', label: () => t('analytics.unique'), value: (r) => r.totals.uniqueViewers, show: (r) => String(r.totals.uniqueViewers) },
  { id: 'watch', label: () => t('analytics.watchTime'), value: (r) => r.totals.watchTimeMs, show: (r) => formatDuration(r.totals.watchTimeMs) },
  { id: 'chat', label: () => t('analytics.chatParticipation'), value: (r) => r.totals.chatParticipation, show: (r) => percent(r.totals.chatParticipation) },
  { id: 'follows', label: () => t('analytics.follows'), value: (r) => r.totals.followsGained, show: (r) => String(r.totals.followsGained) },
  { id: 'coins', label: () => t('analytics.coins'), value: (r) => r.totals.coinsEarned, show: (r) => String(r.totals.coinsEarned) },
];

/** The CSV a creator downloads: one row per live, raw figures (milliseconds, shares 0..1), English header names. */
export function livesCsv(rows: AnalyticsLiveRow[]): string {
  const header = ['session_id', 'title', 'started_at', 'ended_at', 'duration_ms', 'peak_viewers', 'average_viewers', 'unique_viewers', 'watch_time_ms', 'average_watch_time_ms', 'chat_messages', 'chat_participation', 'reactions', 'gifts', 'coins_earned', 'follows_gained'];
  const values = rows.map((r): CsvValue[] => [
    r.sessionId,
    r.title,
    r.startedAt,
    r.endedAt,
    r.durationMs,
    r.totals.peakViewers,
    r.totals.averageViewers,
    r.totals.uniqueViewers,
    r.totals.watchTimeMs,
    r.totals.averageWatchTimeMs,
    r.totals.chatMessages,
    Math.round(r.totals.chatParticipation * 1000) / 1000,
    r.totals.reactions,
    r.totals.gifts,
    r.totals.coinsEarned,
    r.totals.followsGained,
  ]);
  return toCsv(header, values);
}

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}

/** The dashboard of the creator's lives: a table sorted by any column, exported as CSV. */
export function PastLives({ refreshKey }: { refreshKey: unknown }) {
  const { api } = useServices();
  const [rows, setRows] = useState<AnalyticsLiveRow[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [sort, setSort] = useState<{ column: string; descending: boolean }>({ column: 'date', descending: true });

  const load = useCallback(() => {
    api.call(routes.analyticsLives, { query: {} }).then(
      ({ lives }) => {
        setRows(lives);
        setFailed(false);
      },
      () => setFailed(true),
    );
  }, [api]);
  useEffect(load, [load, refreshKey]);

  const sorted = useMemo(() => {
    const column = COLUMNS.find((c) => c.id === sort.column) ?? COLUMNS[1]!;
    const order = (a: AnalyticsLiveRow, b: AnalyticsLiveRow) => {
      const [x, y] = [column.value(a), column.value(b)];
      return typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
    };
    return [...(rows ?? [])].sort((a, b) => (sort.descending ? -order(a, b) : order(a, b)));
  }, [rows, sort]);

  const sortBy = (column: string) => setSort((s) => ({ column, descending: s.column === column ? !s.descending : true }));

  return (
    <div className="analytics-lives" data-testid="analytics-lives">
      <div className="analytics-lives-head">
        <h4>{t('analytics.pastLives')}</h4>
        <button className="secondary" onClick={load}>{t('analytics.refresh')}</button>
        <button className="secondary" data-testid="analytics-export" disabled={!rows?.length} onClick={() => download('afritok-lives.csv', livesCsv(sorted))}>
          {t('analytics.exportCsv')}
        </button>
      </div>
      {failed && <p className="muted">{t('analytics.unavailable')}</p>}
      {rows?.length === 0 && <p className="muted">{t('analytics.noLives')}</p>}
      {rows && rows.length > 0 && (
        <div className="analytics-table-wrap">
          <table className="analytics-table">
            <thead>
              <tr>
                {COLUMNS.map((c) => (
                  <th key={c.id} aria-sort={sort.column === c.id ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
                    <button className="link" data-testid={`sort-${c.id}`} title={t('analytics.sortBy', { column: c.label() })} onClick={() => sortBy(c.id)}>
                      {c.label()}
                      {sort.column === c.id ? (sort.descending ? ' ▼' : ' ▲') : ''}
                    </button>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {sorted.map((r) => (
                <tr key={r.sessionId} data-testid="analytics-live-row" data-session-id={r.sessionId}>
                  {COLUMNS.map((c) => (
                    <td key={c.id} data-column={c.id}>{c.show(r)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
