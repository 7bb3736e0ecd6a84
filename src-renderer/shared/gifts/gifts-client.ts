import type { GiftsReply, Gifter, Wallet } from '../../../protocol/gifts.js';
import { routes } from '../../../protocol/routes.js';
import type { ApiClient } from '../api/client.js';

let counter = 0;
/** A fresh id for one press of a gift button: a retry of that press sends the same one (never pays twice). */
export const newClientGiftId = (): string => `gift-${Date.now().toString(36)}-${(counter++).toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

/** The gift and wallet routes, for the pages and the studio. */
export function giftsClient(api: ApiClient) {
  return {
    catalogue: (): Promise<GiftsReply> => api.call(routes.listGifts),
    wallet: async (): Promise<Wallet> => (await api.call(routes.wallet)).wallet,
    devGrant: async (coins: number): Promise<Wallet> => (await api.call(routes.devGrant, { body: { coins } })).wallet,
    checkout: async (packId: string, returnPath: string): Promise<string> => (await api.call(routes.checkout, { body: { packId, returnPath } })).url,
    send: (sessionId: string, giftId: string, count: number, clientGiftId: string) =>
      api.call(routes.sendGift, { params: { id: sessionId }, body: { giftId, count, clientGiftId } }),
    top: async (sessionId: string): Promise<Gifter[]> => (await api.call(routes.topGifters, { params: { id: sessionId } })).gifters,
    liveEarnings: async (sessionId: string) => (await api.call(routes.liveEarnings, { params: { id: sessionId } })).earnings,
  };
}
export type GiftsClient = ReturnType<typeof giftsClient>;
