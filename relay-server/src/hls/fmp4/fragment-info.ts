import findBox from 'mux.js/lib/mp4/find-box.js';
import probe from 'mux.js/lib/mp4/probe.js';
import parseTfdt from 'mux.js/lib/tools/parse-tfdt.js';
import parseTfhd from 'mux.js/lib/tools/parse-tfhd.js';
import parseTrun from 'mux.js/lib/tools/parse-trun.js';

/** The video track of an init section: what fragments are timed by. */
export interface VideoTrack {
  id: number;
  timescale: number;
  /** RFC 6381 codec string (e.g. avc1.64001f) for the master playlist. */
  codec: string;
}

export interface FragmentInfo {
  /** Decode time of the fragment's first video sample, in seconds. */
  start: number;
  /** Sum of its video samples' durations, in seconds. */
  duration: number;
  /** Whether it starts with a video sync sample (a key frame): an independent part, a possible segment start. */
  independent: boolean;
}

export function videoTrackOf(init: Uint8Array): VideoTrack | null {
  const track = probe.tracks(init).find((t) => t.type === 'video');
  return track ? { id: track.id, timescale: track.timescale, codec: track.codec } : null;
}

/** The audio codec string of an init section (e.g. mp4a.40.2), if it has audio. */
export function audioCodecOf(init: Uint8Array): string | null {
  return probe.tracks(init).find((t) => t.type === 'audio')?.codec ?? null;
}

/** Reads a moof + mdat with mux.js's box parsers; null when it has no video samples. */
export function fragmentInfo(fragment: Uint8Array, video: VideoTrack): FragmentInfo | null {
  for (const traf of findBox(fragment, ['moof', 'traf'])) {
    const tfhdBox = findBox(traf, ['tfhd'])[0];
    const tfdtBox = findBox(traf, ['tfdt'])[0];
    if (!tfhdBox || !tfdtBox) continue;
    const tfhd = parseTfhd(tfhdBox);
    if (tfhd.trackId !== video.id) continue;
    const samples = findBox(traf, ['trun']).flatMap((trun) => parseTrun(trun).samples);
    if (samples.length === 0) return null;
    const ticks = samples.reduce((sum, s) => sum + (s.duration ?? tfhd.defaultSampleDuration ?? 0), 0);
    const firstFlags = samples[0]?.flags ?? tfhd.defaultSampleFlags;
    return {
      start: Number(parseTfdt(tfdtBox).baseMediaDecodeTime) / video.timescale,
      duration: ticks / video.timescale,
      independent: firstFlags !== undefined && firstFlags.isNonSyncSample === 0,
    };
  }
  return null;
}
