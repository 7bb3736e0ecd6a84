/**
 * What a benchmark's relay process runs with on top of the e2e helper's settings, so that it is measured
 * as deployed: production mode (test and development add checks, e.g. the SQLite gate's re-entry guard)
 * and the LL-HLS encoder at its default niceness. The e2e suite lifts the encoder to normal priority
 * because its browsers share the relay's cores (tests/e2e/support/relay-process.ts); measured that way,
 * x264 takes the cores from the WebRTC forwarding and the viewer pages, which is exactly what the default
 * prevents (a run here: glass-to-glass p95 282 ms against 51 ms bare, first frame p50 2.3 s).
 */
export const DEPLOYED_RELAY_ENV: Readonly<Record<string, string>> = {
  NODE_ENV: 'production',
  HLS_ENCODER_NICENESS: '10',
};
