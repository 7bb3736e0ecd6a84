import { useState } from 'react';
import type { GiftsReply, Wallet } from '../../../protocol/gifts.js';
import { MAX_GIFT_COUNT } from '../../../protocol/gifts.js';
import { t } from '../i18n/index.js';
import { coinsText } from './coins-text.js';
import { useBusyAction } from '../ui/use-busy-action.js';
import { giftName } from './gift-text.js';
import { newClientGiftId, type GiftsClient } from './gifts-client.js';
import './gifts.css';

const DEV_GRANT = 500;

/**
 * The viewer's gift bar: one button per gift with its price, how many to send, the wallet, and a way to
 * get coins (Stripe Checkout, or free coins on a development relay). Disabled until signed in.
 */
export function GiftBar({
  client,
  catalogue,
  sessionId,
  wallet,
  onWallet,
  enabled,
}: {
  client: GiftsClient;
  catalogue: GiftsReply;
  sessionId: string;
  wallet: Wallet | null;
  onWallet: (wallet: Wallet) => void;
  enabled: boolean;
}) {
  const [count, setCount] = useState(1);
  const { busy, error, run } = useBusyAction();
  const send = (giftId: string) =>
    run(async () => {
      const { wallet: after } = await client.send(sessionId, giftId, count, newClientGiftId());
      onWallet(after);
    });
  const getCoins = () =>
    run(async () => {
      if (catalogue.payments === 'dev') onWallet(await client.devGrant(DEV_GRANT));
      else if (catalogue.payments === 'stripe') {
        const pack = catalogue.coinPacks[1] ?? catalogue.coinPacks[0];
        if (pack) location.assign(await client.checkout(pack.id, location.pathname));
      }
    });

  return (
    <div>
      <div className="gift-bar" role="group" aria-label={t('gifts.bar')} data-testid="gift-bar">
        {catalogue.gifts.map((g) => (
          <button
            key={g.id}
            type="button"
            className="secondary gift-button"
            data-testid="gift-button"
            data-gift={g.id}
            disabled={!enabled || busy}
            title={t('gifts.send', { gift: giftName(g), coins: coinsText(g.coins * count) })}
            onClick={() => void send(g.id)}
          >
            <span className="gift-emoji" aria-hidden="true">
              {g.emoji}
            </span>
            <span>{giftName(g)}</span>
            <span className="gift-price">{coinsText(g.coins)}</span>
          </button>
        ))}
        <label>
          <span className="visually-hidden">{t('gifts.count')}</span>
          <select className="gift-count" data-testid="gift-count" value={count} aria-label={t('gifts.count')} onChange={(e) => setCount(Number(e.target.value))}>
            {[1, 5, 10, 50, MAX_GIFT_COUNT].map((n) => (
              <option key={n} value={n}>
                ×{n}
              </option>
            ))}
          </select>
        </label>
        <span className="wallet" data-testid="wallet-coins" data-coins={wallet?.coins ?? 0}>
          🪙 {coinsText(wallet?.coins ?? 0)}
        </span>
        {catalogue.payments !== 'off' && (
          <button type="button" data-testid="get-coins" disabled={!enabled || busy} onClick={() => void getCoins()}>
            {catalogue.payments === 'dev' ? t('gifts.devGrant', { count: DEV_GRANT }) : t('gifts.buy')}
          </button>
        )}
      </div>
      {!enabled && <p className="muted">{t('gifts.signIn')}</p>}
      {error && (
        <p className="gift-bar-error" role="alert" data-testid="gift-error">
          {error}
        </p>
      )}
    </div>
  );
}
