import { useEffect, useState } from 'react';
import type { ScheduledLive } from '../../../protocol/notifications.js';
import { routes } from '../../../protocol/routes.js';
import type { ApiClient } from '../../shared/api/client.js';
import { t } from '../../shared/i18n/index.js';
import { ScheduledList } from '../../shared/schedules/ScheduledList.js';

const SHOWN = 10;

/** The directory's "Scheduled": lives creators announced, soonest first (nothing at all when none is). */
export function ScheduledSection({ api }: { api: ApiClient }) {
  const [lives, setLives] = useState<ScheduledLive[]>([]);
  useEffect(() => {
    let alive = true;
    api.call(routes.scheduledLives).then(
      (r) => alive && setLives(r.scheduledLives.slice(0, SHOWN)),
      () => undefined,
    );
    return () => {
      alive = false;
    };
  }, [api]);
  if (lives.length === 0) return null;
  return (
    <section className="scheduled-section" data-testid="directory-scheduled">
      <h2>{t('schedule.title')}</h2>
      <ScheduledList lives={lives} showCreator />
    </section>
  );
}
