import type net from 'node:net';
import type AVPacket from 'node-media-server/src/core/avpacket.js';
import Rtmp from 'node-media-server/src/protocol/rtmp.js';
import libraryLogger from 'node-media-server/src/core/logger.js';

const RTMP_VERSION = 3;

// The library prints to stdout at debug level; the relay logs what matters itself (see ./server.ts).
libraryLogger.log = () => undefined;

/** What an encoder asked for: `rtmp://host/<app>/<name>`; the name is the stream key. */
export interface PublishRequest {
  app: string;
  name: string;
}

export interface RtmpConnectionEvents {
  /** The encoder asked to publish (after handshake, connect and createStream). */
  publish(request: PublishRequest): void;
  /** An audio, video or script tag of the published stream. */
  packet(packet: AVPacket): void;
  /** The socket closed (either side), or the stream could not be parsed: `reason` says why. */
  closed(reason: string): void;
}

/**
 * One encoder's TCP connection, spoken with node-media-server's RTMP protocol layer (handshake,
 * chunk streams, AMF commands, FLV tags). Only publishing is accepted: a `play` is refused.
 */
export class RtmpConnection {
  private readonly rtmp = new Rtmp();
  private done = false;
  readonly address: string;

  constructor(
    private readonly socket: net.Socket,
    private readonly events: RtmpConnectionEvents,
  ) {
    this.address = socket.remoteAddress ?? 'unknown';
    this.rtmp.onOutputCallback = (buffer) => {
      if (!socket.destroyed) socket.write(buffer);
    };
    this.rtmp.onConnectCallback = (request) => {
      this.request = { app: String(request.app), name: String(request.name) };
    };
    this.rtmp.onPushCallback = () => {
      if (this.request) events.publish(this.request);
    };
    this.rtmp.onPlayCallback = () => this.refuse('NetStream.Play.Failed', 'This address only takes published streams');
    this.rtmp.onPacketCallback = (packet) => {
      if (!this.done) events.packet(packet);
    };
    socket.on('data', (data: Buffer) => this.receive(data));
    socket.on('close', () => this.finish('the encoder disconnected'));
    socket.on('error', () => socket.destroy());
  }

  private request: PublishRequest | undefined;
  private started = false;

  /** Tells the encoder why it is refused (its log shows the description), then hangs up. */
  refuse(code: string, description: string): void {
    if (this.done) return;
    this.rtmp.sendStatusMessage(this.rtmp.streamId ?? 1, 'error', code, description);
    this.finish(description);
    this.socket.end();
    // An encoder that ignores the close is cut off after a moment.
    setTimeout(() => this.socket.destroy(), 1_000).unref();
  }

  /** Ends the connection now (the relay stops, the live ended, the bridge failed). */
  close(reason: string): void {
    this.finish(reason);
    this.socket.destroy();
  }

  /** Stops reading while the encoder is admitted, so its media waits in the kernel, not in memory. */
  pause(): void {
    this.socket.pause();
  }

  resume(): void {
    this.socket.resume();
  }

  private receive(data: Buffer): void {
    if (this.done) return;
    // C0 names the RTMP version (3; 6 is RTMPE, which we do not speak): anything else is not an encoder.
    if (!this.started) {
      this.started = true;
      if (data[0] !== RTMP_VERSION) return this.close('not an RTMP stream');
    }
    let error: string | null;
    try {
      error = this.rtmp.parserData(data);
    } catch (err) {
      error = err instanceof Error ? err.message : 'unreadable data';
    }
    if (error !== null) this.close(`not an RTMP stream (${error})`);
  }

  private finish(reason: string): void {
    if (this.done) return;
    this.done = true;
    this.events.closed(reason);
  }
}
