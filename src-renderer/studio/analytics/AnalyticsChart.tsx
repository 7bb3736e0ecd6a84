import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { AnalyticsBucket } from '../../../protocol/analytics.js';
import { t } from '../../shared/i18n/index.js';

const MINUTE_MS = 60_000;

/** uPlot's columns: time (s), viewers total / WebRTC / HLS, chat messages per minute. */
export function chartData(buckets: AnalyticsBucket[]): uPlot.AlignedData {
  const end = (b: AnalyticsBucket) => (Date.parse(b.startedAt) + b.durationMs) / 1000;
  return [
    buckets.map(end),
    buckets.map((b) => b.viewers),
    buckets.map((b) => b.viewersWebrtc),
    buckets.map((b) => b.viewersHls),
    buckets.map((b) => (b.durationMs > 0 ? Math.round((b.chatMessages * MINUTE_MS) / b.durationMs) : 0)),
  ];
}

function options(width: number): uPlot.Options {
  return {
    width,
    height: 160,
    cursor: { drag: { x: false, y: false } },
    scales: { x: { time: true }, chat: { auto: true } },
    axes: [
      { stroke: '#aab' },
      { stroke: '#aab', label: t('analytics.viewers') },
      { stroke: '#aab', side: 1, scale: 'chat', label: t('analytics.chatPerMinute'), grid: { show: false } },
    ],
    series: [
      {},
      { label: t('analytics.viewers'), stroke: '#ff4d6d', width: 2 },
      { label: t('analytics.viewersWebrtc'), stroke: '#4dabf7', width: 1 },
      { label: t('analytics.viewersHls'), stroke: '#ffd43b', width: 1 },
      { label: t('analytics.chatPerMinute'), stroke: '#69db7c', width: 1, scale: 'chat', dash: [4, 4] },
    ],
  };
}

/** Viewers (total and per path) and chat per minute over a live, drawn by uPlot. */
export function AnalyticsChart({ buckets, testId }: { buckets: AnalyticsBucket[]; testId: string }) {
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    plot.current = new uPlot(options(Math.max(240, el.clientWidth)), chartData([]), el);
    return () => {
      plot.current?.destroy();
      plot.current = null;
    };
  }, []);

  useEffect(() => {
    plot.current?.setData(chartData(buckets));
  }, [buckets]);

  return <div className="analytics-chart" data-testid={testId} data-points={buckets.length} ref={box} />;
}
