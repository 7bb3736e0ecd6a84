import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ApiError } from '../../../protocol/common.js';
import type { BackstageMessage, StageState } from '../../../protocol/stage.js';
import type { ConnectionState, RelayConnection } from '../realtime/connection.js';
import { newClientMessageId } from '../realtime/chat-log.js';

/** Where one person stands on the stage, as the host last said. */
export type OnAirStatus = 'backstage' | 'cueing' | 'on-air';

export interface StageClientState {
  stage: StageState | null;
  messages: BackstageMessage[];
  /** Why the last backstage line was refused, if it was. */
  sendError: ApiError | null;
}

export interface StageClient {
  readonly store: StoreApi<StageClientState>;
  statusOf(userId: string): OnAirStatus;
  /** Host only: announces who is on air and who is being counted down; false when it did not get through. */
  announce(onAir: string[], cueing: string[]): Promise<boolean>;
  /** Sends a backstage line; resolves false when the relay refused it (sendError says why). */
  send(content: string): Promise<boolean>;
  /** Reads the stage and the backstage chat so far (on join, after a reconnect). */
  refresh(): Promise<void>;
  stop(): void;
}

const newClientId = () => `bs-${newClientMessageId()}`;

/**
 * The stage of one session as its host and guests see it: `stage:state` (who is on air, who is being
 * counted down) and the backstage chat (`backstage:*`). Viewers never get these events.
 */
export function createStageClient(connection: RelayConnection, sessionId: string): StageClient {
  const store = createStore<StageClientState>(() => ({ stage: null, messages: [], sendError: null }));
  const add = (incoming: BackstageMessage[]) => {
    const byId = new Map(store.getState().messages.map((m) => [m.id, m]));
    for (const m of incoming) byId.set(m.id, m);
    store.setState({ messages: [...byId.values()].sort((a, b) => a.createdAt.localeCompare(b.createdAt)) });
  };
  const unsubscribers = [
    connection.on('stage:state', (stage) => stage.sessionId === sessionId && store.setState({ stage })),
    connection.on('backstage:message', (p) => p.sessionId === sessionId && add([p.message])),
    connection.onState((s: ConnectionState) => s === 'connected' && void refresh()),
  ];

  async function refresh(): Promise<void> {
    const [stage, history] = await Promise.all([
      connection.request('stage:get', { sessionId }),
      connection.request('backstage:history', { sessionId }),
    ]);
    if (stage.ok) store.setState({ stage: stage.stage });
    if (history.ok) add(history.messages);
  }

  return {
    store,
    statusOf(userId) {
      const stage = store.getState().stage;
      if (stage?.onAir.includes(userId)) return 'on-air';
      if (stage?.cueing.includes(userId)) return 'cueing';
      return 'backstage';
    },
    async announce(onAir, cueing) {
      const ack = await connection.request('stage:set', { sessionId, onAir, cueing });
      if (ack.ok) store.setState({ stage: ack.stage });
      return ack.ok;
    },
    async send(content) {
      const ack = await connection.request('backstage:send', { sessionId, content, clientMessageId: newClientId() });
      if (!ack.ok) {
        store.setState({ sendError: ack.error });
        return false;
      }
      store.setState({ sendError: null });
      add([ack.message]);
      return true;
    },
    refresh,
    stop() {
      unsubscribers.splice(0).forEach((u) => u());
    },
  };
}
