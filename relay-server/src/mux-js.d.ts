// mux.js ships no types; these are the few inspectors the packager reads fragments with.
declare module 'mux.js/lib/mp4/find-box.js' {
  const findBox: (data: Uint8Array, path: string[]) => Uint8Array[];
  export default findBox;
}
declare module 'mux.js/lib/tools/parse-tfhd.js' {
  const parseTfhd: (data: Uint8Array) => { trackId: number; defaultSampleDuration?: number; defaultSampleFlags?: SampleFlags };
  export default parseTfhd;
}
declare module 'mux.js/lib/tools/parse-tfdt.js' {
  const parseTfdt: (data: Uint8Array) => { baseMediaDecodeTime: number | bigint };
  export default parseTfdt;
}
declare module 'mux.js/lib/tools/parse-trun.js' {
  const parseTrun: (data: Uint8Array) => { samples: Array<{ duration?: number; flags?: SampleFlags }> };
  export default parseTrun;
}
declare module 'mux.js/lib/mp4/probe.js' {
  const probe: {
    tracks(init: Uint8Array): Array<{ id: number; type: string; codec: string; timescale: number }>;
  };
  export default probe;
}
interface SampleFlags {
  isNonSyncSample: number;
  dependsOn: number;
}
declare module 'mux.js/lib/codecs/h264.js' {
  export class H264Stream {
    on(event: 'data', listener: (event: { config?: { width: number; height: number } }) => void): void;
    push(packet: { type: 'video'; trackId: number; pts: number; dts: number; data: Uint8Array }): void;
    flush(): void;
  }
}
