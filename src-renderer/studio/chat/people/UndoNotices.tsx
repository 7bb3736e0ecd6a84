import { useState } from 'react';
import { RelayError } from '../../../shared/api/client.js';
import { t } from '../../../shared/i18n/index.js';
import { errorText } from '../../../shared/ui/error-text.js';
import { dismissNotice, useNotices, type Notice } from './notices.js';
import './people.css';

/** The stack of "Muted Ada for 5 min — Undo" notices, bottom left of the studio. */
export function UndoNotices() {
  const notices = useNotices();
  if (notices.length === 0) return null;
  return (
    <div className="undo-notices" role="status" aria-live="polite">
      {notices.map((n) => (
        <NoticeRow key={n.id} notice={n} />
      ))}
    </div>
  );
}

function NoticeRow({ notice }: { notice: Notice }) {
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="undo-notice" data-testid="undo-notice">
      <span>{notice.text}</span>
      {error && <span className="error">{error}</span>}
      {notice.undo && (
        <button
          className="secondary"
          data-testid="undo-button"
          onClick={() =>
            void notice.undo?.().then(
              () => dismissNotice(notice.id),
              (err: unknown) => setError(errorText(err instanceof RelayError ? err.error.code : 'unavailable')),
            )
          }
        >
          {t('people.undo')}
        </button>
      )}
      <button className="secondary" aria-label={t('common.close')} onClick={() => dismissNotice(notice.id)}>
        ✕
      </button>
    </div>
  );
}
