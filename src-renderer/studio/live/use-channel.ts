import { useSyncExternalStore } from 'react';
import type { SessionChannel, SessionChannelState } from '../../shared/realtime/index.js';
import { useLive, useServices } from '../context.js';

const noop = () => () => undefined;
const nothing = () => null;

/** The live session's channel state (chat, pins, participants), or null when not live. */
export function useChannelState(): { channel: SessionChannel | null; state: SessionChannelState | null } {
  const { live } = useServices();
  useLive(); // re-render when the channel is created or dropped
  const channel = live.channel;
  const state = useSyncExternalStore(channel ? channel.subscribe : noop, channel ? channel.getSnapshot : nothing);
  return { channel, state };
}
