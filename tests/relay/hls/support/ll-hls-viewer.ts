import http from 'node:http';

/**
 * A lightweight LL-HLS viewer for tests and `npm run bench hls`: what hls.js does on the network, without
 * decoding. Master → media playlist → init section, then forever: a blocking reload for the part the
 * last playlist's preload hint named (`_HLS_msn`/`_HLS_part`), and a GET of that part once the playlist
 * lists it. Every viewer following the same live asks for the same URLs, which is what lets a CDN
 * collapse them.
 */

export interface ViewerReport {
  rendition: string;
  /** Parts fetched, and how long each GET took (request to last byte). */
  parts: number;
  partFetchMs: number[];
  playlists: number;
  /** Unexpected answers ("404 part-3.1.m4s"), network failures. */
  errors: string[];
}

const HINT = /#EXT-X-PRELOAD-HINT:TYPE=PART,URI="part-(\d+)\.(\d+)\.m4s"/;
const MAP = /#EXT-X-MAP:URI="([^"]+)"/g;

interface Target {
  msn: number;
  part: number;
}

function hintOf(playlist: string): Target | null {
  const match = HINT.exec(playlist);
  return match ? { msn: Number(match[1]), part: Number(match[2]) } : null;
}

/** A request never outlives the origin's longest hold (6 s) by much; the viewer's own stop is checked between requests. */
const REQUEST_TIMEOUT_MS = 15_000;
/** node:http with keep-alive: several times cheaper per request than fetch, so thousands of viewers fit on one core. */
const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });

function get(url: string): Promise<{ status: number; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent, timeout: REQUEST_TIMEOUT_MS }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) });
      });
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`timeout ${url}`)));
    req.on('error', reject);
  });
}

export const emptyReport = (rendition: string): ViewerReport => ({ rendition, parts: 0, partFetchMs: [], playlists: 0, errors: [] });

/**
 * Plays `rendition` of the live at `base` (the relay or a CDN) until `signal` aborts. The report fills in
 * as the viewer plays: `npm run bench hls` passes its own to read a window of it while the viewer runs.
 */
export async function runLlHlsViewer(
  base: string,
  sessionId: string,
  rendition: string,
  signal: AbortSignal,
  report: ViewerReport = emptyReport(rendition),
): Promise<ViewerReport> {
  const root = `${base}/hls/${encodeURIComponent(sessionId)}`;
  try {
    let master = await get(`${root}/master.m3u8`);
    while (master.status === 503 && !signal.aborted) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      master = await get(`${root}/master.m3u8`);
    }
    if (master.status !== 200) throw new Error(`${master.status} master.m3u8`);
    const first = await get(`${root}/${rendition}/index.m3u8`);
    if (first.status !== 200) throw new Error(`${first.status} index.m3u8`);
    let playlist = first.body.toString('utf8');
    const init = [...playlist.matchAll(MAP)].at(-1)?.[1];
    if (init) {
      const section = await get(`${root}/${rendition}/${init}`);
      if (section.status !== 200) report.errors.push(`${section.status} ${init}`);
    }
    let target = hintOf(playlist);
    while (!signal.aborted && target) {
      const reload = await get(`${root}/${rendition}/index.m3u8?_HLS_msn=${target.msn}&_HLS_part=${target.part}`);
      report.playlists++;
      if (reload.status !== 200) {
        report.errors.push(`${reload.status} reload ${target.msn}.${target.part}`);
        await new Promise((resolve) => setTimeout(resolve, 500));
        continue;
      }
      playlist = reload.body.toString('utf8');
      const name = `part-${target.msn}.${target.part}.m4s`;
      if (playlist.includes(`URI="${name}"`)) {
        const started = performance.now();
        const part = await get(`${root}/${rendition}/${name}`);
        if (part.status === 200 && part.body.length > 0) {
          report.parts++;
          report.partFetchMs.push(performance.now() - started);
        } else report.errors.push(`${part.status} ${name}`);
      }
      target = hintOf(playlist);
    }
  } catch (err) {
    report.errors.push(err instanceof Error ? err.message : String(err));
  }
  return report;
}
