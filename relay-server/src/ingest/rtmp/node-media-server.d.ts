/**
 * The protocol layer of node-media-server (RTMP handshake, chunking, AMF commands, FLV tags), which the
 * relay uses without the library's server (a process-wide singleton with its own HTTP API): only the
 * members used in ./connection.ts are declared.
 */
declare module 'node-media-server/src/core/avpacket.js' {
  class AVPacket {
    /** FLV tag type: 8 audio, 9 video, 18 script data. */
    codec_type: number;
    /** Audio: FLV SoundFormat (10 AAC); video: CodecID (7 AVC) or an enhanced-RTMP FourCC. */
    codec_id: number;
    /** Video: 2 sequence header, 3 key frame, 4 other frame; audio: 0 AAC sequence header, 1 frame; 5 script. */
    flags: number;
    dts: number;
    pts: number;
    size: number;
    data: Buffer;
  }
  export = AVPacket;
}

declare module 'node-media-server/src/protocol/rtmp.js' {
  import type AVPacket from 'node-media-server/src/core/avpacket.js';
  class Rtmp {
    streamId: number;
    onConnectCallback: (req: { app: string; name: string; host: string; query: unknown }) => void;
    onPlayCallback: () => void;
    onPushCallback: () => void;
    onPacketCallback: (packet: AVPacket) => void;
    onOutputCallback: (buffer: Buffer) => void;
    /** Feeds received bytes; an error message, or null. May also throw on malformed input. */
    parserData(buffer: Buffer): string | null;
    sendStatusMessage(streamId: number, level: string, code: string, description: string): void;
  }
  export = Rtmp;
}

declare module 'node-media-server/src/protocol/flv.js' {
  import type AVPacket from 'node-media-server/src/core/avpacket.js';
  class Flv {
    /** Parses an FLV byte stream (header, then tags), calling onPacketCallback per tag. */
    parserData(buffer: Buffer): string | null;
    onPacketCallback: (packet: AVPacket) => void;
    static createHeader(hasAudio: boolean, hasVideo: boolean): Buffer;
    static createMessage(packet: AVPacket): Buffer;
  }
  export = Flv;
}

declare module 'node-media-server/src/core/logger.js' {
  const logger: { log(message: string, level?: string): void };
  export = logger;
}
