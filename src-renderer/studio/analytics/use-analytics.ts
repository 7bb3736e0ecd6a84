import { useEffect, useState } from 'react';
import { ANALYTICS_BUCKET_MS, type LiveAnalytics } from '../../../protocol/analytics.js';
import { routes } from '../../../protocol/routes.js';
import { useServices } from '../context.js';

/**
 * One live's analytics from the relay: read once, and every bucket length while `follow` is on (the
 * live charts), fetching only the buckets not yet seen.
 */
export function useLiveAnalytics(sessionId: string | null, follow: boolean): { report: LiveAnalytics | null; failed: boolean } {
  const { api } = useServices();
  const [report, setReport] = useState<LiveAnalytics | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    setReport(null);
    setFailed(false);
    if (!sessionId) return;
    let alive = true;
    let last: LiveAnalytics | null = null;
    const load = async () => {
      const after = last?.buckets.at(-1)?.index;
      try {
        const { analytics } = await api.call(routes.sessionAnalytics, { params: { id: sessionId }, query: after === undefined ? {} : { after: String(after) } });
        if (!alive) return;
        last = { ...analytics, buckets: [...(last?.buckets ?? []), ...analytics.buckets] };
        setReport(last);
        setFailed(false);
      } catch {
        if (alive) setFailed(true);
      }
    };
    void load();
    const timer = follow ? setInterval(() => void load(), ANALYTICS_BUCKET_MS / 2) : undefined;
    return () => {
      alive = false;
      clearInterval(timer);
    };
  }, [api, sessionId, follow]);

  return { report, failed };
}
