import { useEffect, useRef, useState } from 'react';
import type { Gift, GiftEvent } from '../../../protocol/gifts.js';
import { t } from '../i18n/index.js';
import { ComboBoard, COMBO_WINDOW_MS, type Combo } from './combos.js';
import { giftName } from './gift-text.js';
import './gifts.css';

export type GiftSubscribe = (listener: (gift: GiftEvent) => void) => () => void;

/** Everyone's gifts over the player as they arrive, same gift from the same sender stacked into "×N". */
export function GiftOverlay({ subscribe, catalogue }: { subscribe: GiftSubscribe; catalogue: Map<string, Gift> }) {
  const board = useRef(new ComboBoard());
  const [combos, setCombos] = useState<Combo[]>([]);
  useEffect(() => {
    const tick = setInterval(() => setCombos([...board.current.current(Date.now())]), COMBO_WINDOW_MS / 6);
    const off = subscribe((gift) => setCombos([...board.current.add(gift, Date.now())]));
    return () => {
      clearInterval(tick);
      off();
    };
  }, [subscribe]);
  return (
    <div className="gift-layer" aria-live="polite">
      {combos.map((c) => {
        const gift = catalogue.get(c.giftId);
        return (
          <div
            key={c.key}
            className={`gift-animation gift-${gift?.animation ?? 'float'} gift-tier-${gift?.tier ?? 'common'}`}
            data-testid="gift-animation"
            data-gift={c.giftId}
            data-combo={c.count}
          >
            <span className="gift-emoji" aria-hidden="true">
              {gift?.emoji ?? '🎁'}
            </span>
            <span className="gift-text">
              <strong>{c.senderName}</strong> {t('gifts.sent', { gift: gift ? giftName(gift) : c.giftId })}
            </span>
            <span key={c.hits} className="gift-combo" data-testid="gift-combo">
              ×{c.count}
            </span>
          </div>
        );
      })}
    </div>
  );
}
