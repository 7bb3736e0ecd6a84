/** The client's real-time layer: the typed relay socket and the per-session channel (chat, state). */
export { createRelayConnection, parseAck } from './connection.js';
export type { ConnectionState, RelayConnection, RelayConnectionOptions, RequestOptions } from './connection.js';
export { SessionChannel, createSessionChannel } from './session-channel.js';
export type { ChannelStatus, SessionChannelEvents, SessionChannelOptions, SessionChannelState } from './session-channel.js';
export type { PendingMessage } from './chat-log.js';
export { Emitter } from './emitter.js';
