import type { Gift } from '../../../protocol/gifts.js';
import { getLang } from '../i18n/index.js';

/** A gift's name in the page's language. */
export const giftName = (gift: Gift): string => gift.names[getLang()];
