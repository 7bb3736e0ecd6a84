import HLS from 'hls-parser';
import type { LiveSegment, RenditionWindow } from './rendition-window.js';

const { MasterPlaylist, MediaPlaylist, Variant, Segment, PartialSegment, MediaInitializationSection, RenditionReport } = HLS.types;

/** URIs inside a rendition folder (`/hls/:sessionId/:rendition/…`); routes.ts parses the same names. */
export const hlsFiles = {
  playlist: 'index.m3u8',
  init: (generation: number) => `init-${generation}.mp4`,
  segment: (msn: number) => `seg-${msn}.m4s`,
  part: (msn: number, part: number) => `part-${msn}.${part}.m4s`,
};

export interface LadderEntry {
  name: string;
  width: number;
  height: number;
  /** Video + audio bits per second (EXT-X-STREAM-INF BANDWIDTH). */
  bandwidth: number;
  codecs: string;
}

export interface PlaylistTiming {
  segmentSeconds: number;
  partSeconds: number;
}

/** How many of the newest segments list their parts (RFC 8216bis: at least those within 3 target durations of the end). */
const SEGMENTS_WITH_PARTS = 3;

const round = (seconds: number): number => Math.round(seconds * 100_000) / 100_000;

export function masterPlaylist(ladder: LadderEntry[]): string {
  const variants = ladder.map((entry) => new Variant({
    uri: `${entry.name}/${hlsFiles.playlist}`,
    bandwidth: entry.bandwidth,
    codecs: entry.codecs,
    resolution: { width: entry.width, height: entry.height },
    frameRate: 30,
  }));
  return HLS.stringify(new MasterPlaylist({ version: 9, independentSegments: true, variants }));
}

function mapOf(segment: LiveSegment) {
  return new MediaInitializationSection({ hint: false, uri: hlsFiles.init(segment.generation) });
}

function segmentEntry(segment: LiveSegment, withParts: boolean) {
  const parts = withParts
    ? segment.parts.map((part) => new PartialSegment({ hint: false, uri: hlsFiles.part(segment.msn, part.index), duration: round(part.duration), independent: part.independent }))
    : [];
  if (!segment.complete) parts.push(new PartialSegment({ hint: true, uri: hlsFiles.part(segment.msn, segment.parts.length) }));
  return new Segment({
    uri: hlsFiles.segment(segment.msn),
    duration: round(segment.duration),
    mediaSequenceNumber: segment.msn,
    discontinuity: segment.discontinuity,
    map: mapOf(segment),
    programDateTime: segment.programDateTime,
    parts,
  });
}

/**
 * The live media playlist of one rendition: the window's segments, parts for the newest ones, a preload
 * hint for the next part, blocking reload and the other renditions' last parts (rendition reports).
 */
export function mediaPlaylist(window: RenditionWindow, others: RenditionWindow[], timing: PlaylistTiming): string {
  const segments = window.all;
  const first = segments[0];
  const entries = segments.map((segment, i) => segmentEntry(segment, i >= segments.length - SEGMENTS_WITH_PARTS));
  if (!window.current && !window.ended) {
    // The last segment just closed: the hint names the first part of the next one.
    const next = window.nextPart;
    entries.push(new Segment({ uri: '', parts: [new PartialSegment({ hint: true, uri: hlsFiles.part(next.msn, next.part) })] }));
  }
  const playlist = new MediaPlaylist({
    version: 9,
    independentSegments: true,
    targetDuration: Math.ceil(timing.segmentSeconds),
    mediaSequenceBase: first?.msn ?? 0,
    discontinuitySequenceBase: window.discontinuitySequence,
    endlist: window.ended,
    partTargetDuration: timing.partSeconds,
    // hls-parser's type wants every field; an undefined CAN-SKIP-UNTIL is left out (no delta updates).
    lowLatencyCompatibility: { canBlockReload: true, canSkipUntil: undefined as unknown as number, holdBack: timing.segmentSeconds * 3, partHoldBack: timing.partSeconds * 3 },
    segments: entries,
    renditionReports: others.flatMap((other) => {
      const last = other.lastPart;
      return last ? [new RenditionReport({ uri: `../${other.name}/${hlsFiles.playlist}`, lastMSN: last.msn, lastPart: last.part })] : [];
    }),
  });
  return HLS.stringify(playlist);
}
