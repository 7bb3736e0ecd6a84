import { randomUUID } from 'node:crypto';
import Flv from 'node-media-server/src/protocol/flv.js';
import type AVPacket from 'node-media-server/src/core/avpacket.js';
import { AppError } from '../../core/errors.js';
import type { MediaService } from '../../media/service.js';
import { RtpSourceLink, type RtpStreamMap } from '../../media/rtp-source.js';
import type { IngestService } from '../service.js';
import type { PublishRequest, RtmpConnection } from './connection.js';
import { BRIDGE_AUDIO_PT, BRIDGE_VIDEO_PT, FfmpegBridge } from './ffmpeg-bridge.js';
import { StreamInfo } from './stream-info.js';

/** The one application name encoders publish to: `rtmp://<relay>/live/<stream key>`. */
export const RTMP_APP = 'live';
/** FLV held while waiting for the first key frame (a few seconds of a normal stream). */
const MAX_HELD_BYTES = 8 * 1024 * 1024;

export interface PublishDeps {
  ingest: IngestService;
  media: MediaService;
  ffmpegPath: string;
  /** One line for the relay's log about this encoder. */
  log(message: string): void;
}

type State = 'connected' | 'checking' | 'waiting' | 'admitting' | 'live' | 'ended';

/**
 * One RTMP publish, from the encoder's `publish` command to its disconnection:
 *   check the key (401 → refused at once), hold its tags until the first H.264 key frame (to learn the
 *   codecs), admit it as the owner's encoder (same rules and grace period as WHIP ingest: 409 when an
 *   encoder already streams with the key), then feed ffmpeg, whose RTP becomes the session's program.
 */
export class RtmpPublish {
  private state: State = 'connected';
  private key = '';
  private readonly info = new StreamInfo();
  private held: Buffer[] = [];
  private heldBytes = 0;
  private link: RtpSourceLink | null = null;
  private bridge: FfmpegBridge | null = null;
  private resourceId: string | null = null;

  constructor(
    private readonly connection: RtmpConnection,
    private readonly deps: PublishDeps,
  ) {}

  get isLive(): boolean {
    return this.state === 'live';
  }

  /** Whether it is still being set up (counts against the server's cap on half-open connections). */
  get isPending(): boolean {
    return this.state !== 'live' && this.state !== 'ended';
  }

  async publish(request: PublishRequest): Promise<void> {
    if (this.state !== 'connected') return;
    if (request.app !== RTMP_APP) return this.refuse(`Publish to rtmp://<relay>/${RTMP_APP}/<stream key>`);
    if (!request.name) return this.refuse('A stream key is required: rtmp://<relay>/live/<stream key>');
    this.key = request.name;
    this.state = 'checking';
    try {
      await this.deps.ingest.checkKey(this.key);
    } catch (err) {
      return this.refuse(reasonOf(err));
    }
    if (this.state !== 'checking') return;
    this.state = 'waiting';
    if (this.info.ready) await this.admit();
  }

  packet(packet: AVPacket): void {
    if (this.state === 'ended' || this.state === 'connected') return;
    const flv = Flv.createMessage(packet);
    if (this.state === 'live') {
      if (!this.bridge?.write(flv)) this.end('the relay could not keep up with this stream');
      return;
    }
    this.hold(flv);
    const ready = this.info.add(packet);
    if (this.info.problem) return this.refuse(this.info.problem);
    if (ready && this.state === 'waiting') void this.admit();
  }

  /** The encoder went away (or the connection was cut): the live waits INGEST_RECONNECT_GRACE for it. */
  closed(reason: string): void {
    if (this.state === 'ended') return;
    const wasLive = this.state === 'live';
    this.teardown();
    if (wasLive) this.deps.log(`RTMP encoder stopped: ${reason}`);
  }

  /** Ends the publish from the relay's side. */
  end(reason: string): void {
    if (this.state === 'ended') return;
    this.deps.log(`RTMP encoder ended: ${reason}`);
    this.teardown();
    this.connection.close(reason);
  }

  private hold(flv: Buffer): void {
    this.held.push(flv);
    this.heldBytes += flv.length;
    if (this.heldBytes > MAX_HELD_BYTES) this.refuse('No H.264 key frame came with the first seconds of the stream: set a key frame interval (2 s)');
  }

  private async admit(): Promise<void> {
    this.state = 'admitting';
    const streams = this.streams();
    try {
      const admitted = await this.deps.ingest.attach(this.key, async (sessionId, actor) => {
        const link = new RtpSourceLink(randomUUID(), streams);
        link.onClose(() => this.end('the live ended or another encoder took over'));
        try {
          const port = await link.listen();
          await this.deps.media.attachEncoder(sessionId, actor, link);
          this.link = link;
          this.bridge = new FfmpegBridge({
            ffmpegPath: this.deps.ffmpegPath,
            port,
            hasVideo: this.info.hasVideo,
            hasAudio: this.info.hasAudio,
            onExit: (why) => this.end(why),
          });
        } catch (err) {
          link.close();
          throw err;
        }
        return { resourceId: link.id };
      });
      this.resourceId = admitted.resourceId;
    } catch (err) {
      return this.refuse(reasonOf(err));
    }
    // The encoder left while it was being admitted: undo what the admission set up.
    if (this.state !== 'admitting') return this.teardown();
    this.state = 'live';
    this.deps.log(`RTMP encoder live (${this.connection.address})`);
    const header = Flv.createHeader(this.info.hasAudio, this.info.hasVideo);
    for (const flv of [header, ...this.held]) this.bridge?.write(flv);
    this.held = [];
    this.heldBytes = 0;
  }

  private streams(): RtpStreamMap {
    const map = new Map<number, { kind: 'audio' | 'video'; codec: { mimeType: string; payloadType: number; parameters?: string } }>();
    if (this.info.hasVideo && this.info.profileLevelId) {
      map.set(BRIDGE_VIDEO_PT, { kind: 'video', codec: { mimeType: 'video/H264', payloadType: BRIDGE_VIDEO_PT, parameters: `level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=${this.info.profileLevelId}` } });
    }
    if (this.info.hasAudio) map.set(BRIDGE_AUDIO_PT, { kind: 'audio', codec: { mimeType: 'audio/opus', payloadType: BRIDGE_AUDIO_PT, parameters: 'minptime=10;useinbandfec=1' } });
    return map;
  }

  private refuse(reason: string): void {
    if (this.state === 'ended') return;
    this.deps.log(`RTMP publish refused (${this.connection.address}): ${reason}`);
    this.teardown();
    this.connection.refuse('NetStream.Publish.BadName', reason);
  }

  /** Stops ffmpeg and the RTP port; an admitted encoder's live then waits out the grace period. */
  private teardown(): void {
    this.state = 'ended';
    this.held = [];
    this.bridge?.stop();
    this.bridge = null;
    if (this.resourceId) {
      try {
        this.deps.ingest.stop(this.resourceId);
      } catch {
        // Already replaced by a newer encoder of the same owner, or swept.
      }
      this.resourceId = null;
    }
    this.link?.close();
    this.link = null;
  }
}

function reasonOf(err: unknown): string {
  return err instanceof AppError ? err.message : 'The relay could not start this stream, try again';
}
