import type { Gift, GiftEvent, LiveEarnings } from '../../../protocol/gifts.js';
import type { ApiClient } from '../../shared/api/client.js';
import { giftName } from '../../shared/gifts/gift-text.js';
import { giftsClient } from '../../shared/gifts/gifts-client.js';
import { Emitter } from '../../shared/realtime/emitter.js';
import type { RelayConnection } from '../../shared/realtime/index.js';
import type { AlertSettings } from '../scenes/model/types.js';
import { selectProgramScene, type StudioStore } from '../store/index.js';
import { alertQueue, type AlertInput } from '../sources/alerts/alert-queue.js';

/** The dock keeps the newest gifts only. */
const RECENT = 50;
/** Earnings are re-read at most this often while gifts pour in. */
const EARNINGS_REFRESH_MS = 1_000;

export interface StudioGiftsState {
  sessionId: string | null;
  recent: GiftEvent[];
  earnings: LiveEarnings | null;
}

export interface StudioGiftsDeps {
  api: ApiClient;
  connection: RelayConnection;
  store: StudioStore;
  /** The live session on air, or null. */
  liveSessionId: () => string | null;
  /** Plays the alert chime into the program's sound. */
  chime: () => void;
}

/**
 * The studio's side of gifts: the live's gifts for the chat dock, what the live earned, and the
 * alerts they raise on the program (gift, new top gifter). Follows feed the same alerts through
 * `alert({ kind: 'follow', name })` once the relay announces them.
 */
export class StudioGifts {
  private state: StudioGiftsState = { sessionId: null, recent: [], earnings: null };
  private readonly changes = new Emitter<{ change: StudioGiftsState }>();
  private catalogue = new Map<string, Gift>();
  private totals = new Map<string, { name: string; coins: number }>();
  private leader: string | null = null;
  private earningsTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly client;

  constructor(private readonly deps: StudioGiftsDeps) {
    this.client = giftsClient(deps.api);
  }

  readonly subscribe = (listener: () => void) => this.changes.on('change', listener);
  readonly getSnapshot = () => this.state;

  start(): () => void {
    const offGift = this.deps.connection.on('gift:sent', (gift) => this.onGift(gift));
    // follows/ tells a creator of each new follower: that is the alerts source's "new follower".
    const offFollower = this.deps.connection.on('follower:new', ({ follower }) => this.deps.liveSessionId() && this.alert({ kind: 'follow', name: follower.displayName }));
    const offStarted = alertQueue.events.on('started', () => {
      if (this.programAlerts()?.sound) this.deps.chime();
    });
    return () => {
      offGift();
      offFollower();
      offStarted();
    };
  }

  /** Raises an alert on the program if an alerts source there shows that kind. */
  alert(input: AlertInput): void {
    const settings = this.programAlerts();
    if (settings?.[input.kind]) alertQueue.push(input);
  }

  private programAlerts(): AlertSettings | null {
    const scene = selectProgramScene(this.deps.store.getState());
    const source = scene?.sources.find((s) => s.kind === 'alerts' && !s.transform.hidden);
    return source?.kind === 'alerts' ? source.alerts : null;
  }

  private async onGift(gift: GiftEvent): Promise<void> {
    const live = this.deps.liveSessionId();
    if (!live || gift.sessionId !== live) return;
    if (this.state.sessionId !== live) this.reset(live);
    if (this.state.recent.some((g) => g.id === gift.id)) return;
    this.set({ recent: [...this.state.recent, gift].slice(-RECENT) });
    this.scheduleEarnings(live);
    if (this.catalogue.size === 0) {
      const { gifts } = await this.client.catalogue().catch(() => ({ gifts: [] as Gift[] }));
      this.catalogue = new Map(gifts.map((g) => [g.id, g]));
    }
    const item = this.catalogue.get(gift.giftId);
    this.alert({ kind: 'gift', name: gift.senderName, gift: { name: item ? giftName(item) : gift.giftId, emoji: item?.emoji ?? '🎁', count: gift.count } });
    const total = (this.totals.get(gift.senderId)?.coins ?? 0) + gift.coins;
    this.totals.set(gift.senderId, { name: gift.senderName, coins: total });
    const leaderCoins = this.leader ? (this.totals.get(this.leader)?.coins ?? 0) : 0;
    if (gift.senderId !== this.leader && total > leaderCoins) {
      this.leader = gift.senderId;
      this.alert({ kind: 'topGifter', name: gift.senderName });
    }
  }

  private reset(sessionId: string): void {
    this.totals = new Map();
    this.leader = null;
    this.set({ sessionId, recent: [], earnings: null });
  }

  private scheduleEarnings(sessionId: string): void {
    this.earningsTimer ??= setTimeout(() => {
      this.earningsTimer = null;
      void this.client.liveEarnings(sessionId).then((earnings) => this.set({ earnings }), () => undefined);
    }, EARNINGS_REFRESH_MS);
  }

  private set(patch: Partial<StudioGiftsState>): void {
    this.state = { ...this.state, ...patch };
    this.changes.emit('change', this.state);
  }
}
