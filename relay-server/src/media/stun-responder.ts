import dgram from 'node:dgram';

const MAGIC_COOKIE = 0x2112a442;
const BINDING_REQUEST = 0x0001;
const BINDING_SUCCESS = 0x0101;
const XOR_MAPPED_ADDRESS = 0x0020;

/**
 * A minimal STUN binding responder on loopback (RFC 5389, IPv4 only).
 *
 * Why: werift falls back to stun.l.google.com when no STUN server is configured and waits up to 5 s for
 * it while gathering, which would delay every WHIP/WHEP answer on an offline or firewalled host. Giving
 * it this local responder makes gathering finish in milliseconds. A deployment behind NAT configures a
 * real STUN server in ICE_SERVERS instead.
 */
export class StunResponder {
  private readonly socket = dgram.createSocket('udp4');

  async listen(host = '127.0.0.1'): Promise<number> {
    this.socket.on('message', (message, remote) => this.answer(message, remote));
    this.socket.on('error', () => undefined);
    await new Promise<void>((resolve) => this.socket.bind(0, host, resolve));
    this.socket.unref();
    return this.socket.address().port;
  }

  close(): void {
    this.socket.close();
  }

  private answer(message: Buffer, remote: dgram.RemoteInfo): void {
    if (message.length < 20 || message.readUInt16BE(0) !== BINDING_REQUEST || message.readUInt32BE(4) !== MAGIC_COOKIE) return;
    if (remote.family !== 'IPv4') return;
    const response = Buffer.alloc(32);
    response.writeUInt16BE(BINDING_SUCCESS, 0);
    response.writeUInt16BE(12, 2);
    response.writeUInt32BE(MAGIC_COOKIE, 4);
    message.copy(response, 8, 8, 20);
    response.writeUInt16BE(XOR_MAPPED_ADDRESS, 20);
    response.writeUInt16BE(8, 22);
    response.writeUInt16BE(0x0001, 24);
    response.writeUInt16BE(remote.port ^ (MAGIC_COOKIE >>> 16), 26);
    const address = remote.address.split('.').reduce((value, octet) => (value << 8) | Number(octet), 0) >>> 0;
    response.writeUInt32BE((address ^ MAGIC_COOKIE) >>> 0, 28);
    this.socket.send(response, remote.port, remote.address);
  }
}
