import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { ScheduledLive } from '../../../protocol/notifications.js';
import { SCHEDULE_TITLE_MAX } from '../../../protocol/notifications.js';
import { routes } from '../../../protocol/routes.js';
import { t } from '../../shared/i18n/index.js';
import { describeFailure } from '../../shared/ui/error-text.js';
import { scheduleRefusal, whenText } from '../../shared/schedules/schedule-text.js';
import { useServices, useStudio } from '../context.js';
import './schedule.css';

/** `YYYY-MM-DDTHH:mm` in local time, what <input type="datetime-local"> shows. */
function localInputValue(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/**
 * Announce a live (title, time): followers see it on the profile and the directory and are reminded when
 * it begins. Folded under the go-live panel; lists what is announced, each can be withdrawn.
 */
export function SchedulePanel() {
  const { api } = useServices();
  const userId = useStudio((s) => (s.authStatus === 'signed-in' && s.user?.kind === 'account' ? s.user.id : null));
  const [lives, setLives] = useState<ScheduledLive[]>([]);
  const [title, setTitle] = useState('');
  const [when, setWhen] = useState(() => localInputValue(new Date(Date.now() + 24 * 60 * 60_000)));
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    if (!userId) return;
    try {
      setLives((await api.call(routes.creatorScheduledLives, { params: { userId } })).scheduledLives);
    } catch (err) {
      setStatus({ ok: false, text: describeFailure(err) });
    }
  }, [api, userId]);
  useEffect(() => void load(), [load]);

  if (!userId) return null;

  const announce = async (e: FormEvent) => {
    e.preventDefault();
    const startsAt = new Date(when);
    if (Number.isNaN(startsAt.getTime())) return setStatus({ ok: false, text: t('schedule.error.noTime') });
    setBusy(true);
    setStatus(null);
    try {
      await api.call(routes.scheduleLive, { body: { title: title.trim(), startsAt: startsAt.toISOString() } });
      setTitle('');
      setStatus({ ok: true, text: t('schedule.announced') });
      await load();
    } catch (err) {
      setStatus({ ok: false, text: scheduleRefusal(err) });
    } finally {
      setBusy(false);
    }
  };

  const withdraw = async (id: string) => {
    try {
      await api.call(routes.cancelScheduledLive, { params: { id } });
      await load();
    } catch (err) {
      setStatus({ ok: false, text: describeFailure(err) });
    }
  };

  return (
    <section className="panel schedule-panel" data-testid="schedule-panel">
      <details>
        <summary className="panel-head">
          <h2>{t('schedule.announce')}</h2>
          {lives.length > 0 && <span className="muted">{lives.length}</span>}
        </summary>
        <form className="schedule-form" onSubmit={(e) => void announce(e)}>
          <label className="field">
            {t('schedule.titleLabel')}
            <input data-testid="schedule-title" required maxLength={SCHEDULE_TITLE_MAX} value={title} onChange={(e) => setTitle(e.target.value)} />
          </label>
          <label className="field">
            {t('schedule.when')}
            <input data-testid="schedule-when" type="datetime-local" required value={when} onChange={(e) => setWhen(e.target.value)} />
          </label>
          <button type="submit" data-testid="schedule-submit" disabled={busy}>
            {t('schedule.submit')}
          </button>
        </form>
        {status && (
          <p className={status.ok ? 'muted' : 'error'} role={status.ok ? 'status' : 'alert'} data-testid="schedule-status">
            {status.text}
          </p>
        )}
        <ul className="schedule-mine">
          {lives.map((s) => (
            <li key={s.id} data-testid="schedule-mine">
              <span>
                <time dateTime={s.startsAt}>{whenText(s)}</time> — {s.title}
              </span>
              <button type="button" className="secondary" data-testid="schedule-withdraw" onClick={() => void withdraw(s.id)}>
                {t('schedule.withdraw')}
              </button>
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}
