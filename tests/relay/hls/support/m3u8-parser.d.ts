// m3u8-parser ships no types; its manifest is checked with zod where it is read (hls-client.ts).
declare module 'm3u8-parser' {
  export class Parser {
    push(text: string): void;
    end(): void;
    manifest: unknown;
  }
}
