import net from 'node:net';
import { RtmpConnection } from './connection.js';
import { RtmpPublish, type PublishDeps } from './publish.js';

/** Connections that have not started publishing yet, on the whole node: the rest are cut at once. */
const MAX_PENDING_CONNECTIONS = 64;
/** Handshake, connect, key check and first key frame must be done within this. */
const SETUP_TIMEOUT_MS = 15_000;

/**
 * RTMP ingest: `rtmp://<relay>:<RTMP_PORT>/live/<stream key>`, for encoders that do not speak WHIP
 * (OBS on RTMP, Streamlabs, hardware encoders, phone apps, ffmpeg). Each connection is an RtmpPublish.
 */
export class RtmpIngestServer {
  private readonly server = net.createServer((socket) => this.accept(socket));
  private readonly publishes = new Set<RtmpPublish>();

  constructor(private readonly deps: PublishDeps) {
    this.server.on('error', (err) => deps.log(`RTMP server error: ${err.message}`));
  }

  listen(port: number, host: string): Promise<number> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => {
        this.server.off('error', reject);
        const address = this.server.address();
        resolve(typeof address === 'object' && address ? address.port : port);
      });
    });
  }

  close(): Promise<void> {
    for (const publish of this.publishes) publish.end('the relay is stopping');
    this.publishes.clear();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  /** Encoders streaming now (for tests and metrics). */
  get liveCount(): number {
    return [...this.publishes].filter((p) => p.isLive).length;
  }

  private accept(socket: net.Socket): void {
    const pending = [...this.publishes].filter((p) => p.isPending).length;
    if (pending >= MAX_PENDING_CONNECTIONS) {
      socket.destroy();
      return;
    }
    socket.setNoDelay(true);
    let publish: RtmpPublish | null = null;
    const connection = new RtmpConnection(socket, {
      publish: (request) => void publish?.publish(request),
      packet: (packet) => publish?.packet(packet),
      closed: (reason) => {
        clearTimeout(setup);
        if (publish) {
          publish.closed(reason);
          this.publishes.delete(publish);
        }
      },
    });
    publish = new RtmpPublish(connection, this.deps);
    this.publishes.add(publish);
    const setup = setTimeout(() => {
      if (publish?.isPending) publish.end('the encoder did not start publishing in time');
    }, SETUP_TIMEOUT_MS);
    setup.unref();
  }
}
