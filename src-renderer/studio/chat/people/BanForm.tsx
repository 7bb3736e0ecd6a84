import { useState } from 'react';
import { t } from '../../../shared/i18n/index.js';

/** Ban asks once: a reason (shown in the people drawer) and whether their messages go too. */
export function BanForm({ name, onBan, onCancel }: { name: string; onBan: (o: { reason: string; removeMessages: boolean }) => void; onCancel: () => void }) {
  const [reason, setReason] = useState('');
  const [removeMessages, setRemoveMessages] = useState(true);
  return (
    <form
      className="ban-form"
      data-testid="ban-form"
      onSubmit={(e) => {
        e.preventDefault();
        onBan({ reason, removeMessages });
      }}
    >
      <p>{t('people.banAsk', { name })}</p>
      <input data-testid="ban-reason" maxLength={280} placeholder={t('people.banReason')} aria-label={t('people.banReason')} value={reason} onChange={(e) => setReason(e.target.value)} />
      <label className="inline">
        <input type="checkbox" data-testid="ban-remove-messages" checked={removeMessages} onChange={(e) => setRemoveMessages(e.target.checked)} />
        {t('people.removeMessages')}
      </label>
      <div className="ban-actions">
        <button type="button" className="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="danger" data-testid="ban-confirm">
          {t('people.banConfirm')}
        </button>
      </div>
    </form>
  );
}
