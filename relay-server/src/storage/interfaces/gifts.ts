/** Gifts sent during lives and coin purchases. */

export interface GiftRecord {
  id: string;
  sessionId: string;
  senderId: string;
  creatorId: string;
  giftId: string;
  count: number;
  coins: number;
  /** What the creator earned of it. */
  diamonds: number;
  clientGiftId: string;
  createdAt: Date;
}

export interface GifterTotal {
  userId: string;
  displayName: string;
  coins: number;
}

export interface LiveGiftTotals {
  sessionId: string;
  title: string;
  startedAt: Date | null;
  gifts: number;
  coins: number;
  diamonds: number;
}

export interface GiftRepo {
  /** DuplicateKeyError `client_gift_id` when this sender already used that clientGiftId. */
  insert(gift: GiftRecord): Promise<void>;
  findByClientId(senderId: string, clientGiftId: string): Promise<GiftRecord | null>;
  /** The live's biggest spenders, most coins first. */
  topGifters(sessionId: string, limit: number): Promise<GifterTotal[]>;
  /** A creator's gifts, per live, newest live first (lives without gifts are left out). */
  earningsByLive(creatorId: string, limit: number): Promise<LiveGiftTotals[]>;
  /** One live's totals (zeros when nobody gave). */
  liveTotals(sessionId: string): Promise<Omit<LiveGiftTotals, 'title' | 'startedAt'>>;
}

export interface PaymentRecord {
  /** `<provider>:<reference>`. */
  id: string;
  provider: 'stripe';
  userId: string;
  packId: string;
  coins: number;
  amountMinor: number;
  currency: string;
  createdAt: Date;
}

export interface PaymentRepo {
  /** DuplicateKeyError `payment` when this payment was already recorded (so already credited). */
  record(payment: PaymentRecord): Promise<void>;
  find(id: string): Promise<PaymentRecord | null>;
}
