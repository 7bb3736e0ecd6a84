import type { StoreApi } from 'zustand/vanilla';
import type { ViewerTransport } from '../../../protocol/hls.js';
import type { RelayConnection, SessionChannel } from '../../shared/realtime/index.js';

interface PathSource {
  stream: MediaStream | null;
  hlsUrl: string | null;
}

/** The path this page plays the live on: LL-HLS once it has a playlist, WebRTC once a stream arrived. */
export function playingPath(state: PathSource): ViewerTransport | null {
  if (state.hlsUrl) return 'hls';
  return state.stream ? 'webrtc' : null;
}

/**
 * Tells the relay which path this viewer plays on (`viewer:transport`) whenever it changes and after
 * every (re-)join: the relay keeps it on the socket, so a new socket must say it again. The host's
 * studio counts viewers per path from these reports.
 */
export function reportViewerPath(store: StoreApi<PathSource>, connection: RelayConnection, channel: SessionChannel, sessionId: string): () => void {
  let sent: ViewerTransport | null | undefined;
  const send = (): void => {
    const path = playingPath(store.getState());
    if (path === sent || channel.getState().status !== 'joined') return;
    sent = path;
    void connection.request('viewer:transport', { sessionId, transport: path }).then((ack) => {
      if (!ack.ok && sent === path) sent = undefined;
    });
  };
  const unsubscribeStore = store.subscribe(send);
  const unsubscribeJoined = channel.on('joined', () => {
    sent = undefined;
    send();
  });
  send();
  return () => {
    unsubscribeStore();
    unsubscribeJoined();
  };
}
