import { createRequire } from 'node:module';

/**
 * The slice of @roamhq/wrtc (libwebrtc for Node) the media tests and benchmark use, typed here because
 * its own declarations lean on the DOM library, which the node-side tsconfig does not load.
 */
export interface SessionDescription {
  type: 'offer' | 'answer';
  sdp: string;
}

export interface WrtcTrack {
  readonly kind: string;
  stop(): void;
}

export interface WrtcSender {
  getParameters(): { encodings: Array<{ maxBitrate?: number }> };
  setParameters(parameters: { encodings: Array<{ maxBitrate?: number }> }): Promise<void>;
}

export interface WrtcPeerConnection {
  addTransceiver(trackOrKind: WrtcTrack | 'audio' | 'video', init: { direction: 'sendonly' | 'recvonly' }): { sender: WrtcSender };
  createOffer(): Promise<SessionDescription>;
  setLocalDescription(description: SessionDescription): Promise<void>;
  setRemoteDescription(description: SessionDescription): Promise<void>;
  readonly localDescription: SessionDescription | null;
  readonly iceGatheringState: string;
  readonly connectionState: string;
  onicegatheringstatechange: (() => void) | null;
  onconnectionstatechange: (() => void) | null;
  ontrack: ((event: { track: WrtcTrack }) => void) | null;
  getStats(): Promise<Iterable<[string, Record<string, unknown>]> & { values(): Iterable<Record<string, unknown>> }>;
  close(): void;
}

export interface I420Frame {
  width: number;
  height: number;
  data: Uint8Array;
}

export interface VideoSource {
  createTrack(): WrtcTrack;
  onFrame(frame: I420Frame): void;
}

export interface VideoSink {
  onframe: ((event: { frame: { width: number; height: number } }) => void) | null;
  stop(): void;
}

export interface Wrtc {
  RTCPeerConnection: new (config?: { iceServers?: unknown[] }) => WrtcPeerConnection;
  nonstandard: {
    RTCVideoSource: new () => VideoSource;
    RTCVideoSink: new (track: WrtcTrack) => VideoSink;
  };
}

const require = createRequire(import.meta.url);
// A native module loaded through require: its shape is the interface above (checked by the tests that use it).
export const wrtc = require('@roamhq/wrtc') as Wrtc;
