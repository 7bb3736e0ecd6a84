import { useEffect, useMemo, useState } from 'react';
import type { Gift, GiftEvent, GiftsReply, Gifter, Wallet } from '../../../protocol/gifts.js';
import type { ApiClient } from '../api/client.js';
import { giftsClient } from './gifts-client.js';

/** How often the top gifters are re-read at most while gifts keep arriving. */
const TOP_REFRESH_MS = 1_500;

type Subscribe<T> = (listener: (value: T) => void) => () => void;

/** The catalogue, the viewer's wallet and the live's top gifters, kept current from the room's gift events. */
export function useGifts(api: ApiClient, sessionId: string, onGift: Subscribe<GiftEvent>, onWallet: Subscribe<Wallet>, signedIn: boolean) {
  const client = useMemo(() => giftsClient(api), [api]);
  const [catalogue, setCatalogue] = useState<GiftsReply | null>(null);
  const [wallet, setWallet] = useState<Wallet | null>(null);
  const [top, setTop] = useState<Gifter[]>([]);

  useEffect(() => {
    void client.catalogue().then(setCatalogue, () => undefined);
    const readTop = () => void client.top(sessionId).then(setTop, () => undefined);
    readTop();
    let timer: ReturnType<typeof setTimeout> | null = null;
    const offGift = onGift(() => {
      timer ??= setTimeout(() => {
        timer = null;
        readTop();
      }, TOP_REFRESH_MS);
    });
    const offWallet = onWallet(setWallet);
    return () => {
      offGift();
      offWallet();
      if (timer) clearTimeout(timer);
    };
  }, [client, sessionId, onGift, onWallet]);

  useEffect(() => {
    if (signedIn) void client.wallet().then(setWallet, () => undefined);
  }, [client, signedIn]);

  const byId = useMemo(() => new Map<string, Gift>((catalogue?.gifts ?? []).map((g) => [g.id, g])), [catalogue]);
  return { client, catalogue, byId, wallet, setWallet, top };
}
