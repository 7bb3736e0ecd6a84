import { useEffect, useState, useSyncExternalStore } from 'react';
import type { Gift } from '../../../protocol/gifts.js';
import { t } from '../../shared/i18n/index.js';
import { giftName } from '../../shared/gifts/gift-text.js';
import { giftsClient } from '../../shared/gifts/gifts-client.js';
import { useServices } from '../context.js';

/** The live's gifts in the chat dock, newest last, with what the live has earned so far. */
export function GiftsDock() {
  const { gifts, api } = useServices();
  const state = useSyncExternalStore(gifts.subscribe, gifts.getSnapshot);
  const [catalogue, setCatalogue] = useState(new Map<string, Gift>());
  useEffect(() => {
    void giftsClient(api)
      .catalogue()
      .then((c) => setCatalogue(new Map(c.gifts.map((g) => [g.id, g]))), () => undefined);
  }, [api]);
  return (
    <details className="gifts-dock" data-testid="gifts-dock" open>
      <summary>
        🎁 {t('gifts.dock.title')}
        {state.earnings && (
          <span className="muted" data-testid="live-earnings" data-diamonds={state.earnings.diamonds}>
            {' '}
            — {t('gifts.dock.earned', { diamonds: state.earnings.diamonds, gifts: state.earnings.gifts })}
          </span>
        )}
      </summary>
      {state.recent.length === 0 ? (
        <p className="muted empty">{t('gifts.dock.empty')}</p>
      ) : (
        <ol className="gift-lines">
          {state.recent.slice(-8).map((g) => {
            const gift = catalogue.get(g.giftId);
            return (
              <li key={g.id} data-testid="dock-gift" data-gift={g.giftId}>
                <span aria-hidden="true">{gift?.emoji ?? '🎁'}</span>{' '}
                {t('gifts.dock.line', { name: g.senderName, gift: gift ? giftName(gift) : g.giftId, count: g.count })}
              </li>
            );
          })}
        </ol>
      )}
    </details>
  );
}
