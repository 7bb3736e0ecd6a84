import os from 'node:os';
import type { Request } from 'express';

const LOOPBACK_HOST = /^(localhost|127(?:\.\d+){3}|\[::1\])(?::\d+)?$/i;

/** Whether a relay listening on `host` can be reached from other machines at all. */
export function listensOnLan(host: string): boolean {
  return host === '0.0.0.0' || host === '::' || host === '';
}

/** http://<address>:<port> for every non-internal IPv4 address of this machine. */
export function lanUrls(port: number, protocol = 'http'): string[] {
  return Object.values(os.networkInterfaces())
    .flat()
    .filter((a): a is os.NetworkInterfaceInfo => a !== undefined && a.family === 'IPv4' && !a.internal)
    .map((a) => `${protocol}://${a.address}:${port}`);
}

/**
 * The base of links meant for other people: PUBLIC_URL when set; else the address the caller reached
 * us on, unless that is loopback (the streamer's own `localhost`), which no one else can open — then
 * the first LAN address, so a viewer on the same network can follow the link.
 */
export function shareBaseUrl(publicUrl: string | undefined, req: Request, bindHost: string): string {
  if (publicUrl) return publicUrl;
  const host = req.get('host') ?? 'localhost';
  const origin = `${req.protocol}://${host}`;
  if (!LOOPBACK_HOST.test(host) || !listensOnLan(bindHost)) return origin;
  const port = Number(host.split(':').pop()) || (req.protocol === 'https' ? 443 : 80);
  return lanUrls(port, req.protocol)[0] ?? origin;
}
