import { t } from '../i18n/index.js';

/** "1 coin" / "5 coins" ("1 pièce" / "5 pièces"): a price or a wallet in words. */
export const coinsText = (count: number): string => (count === 1 ? t('gifts.oneCoin') : t('gifts.coins', { count }));
