/** Shapes shared by the bench driver (Node) and the bench page (browser). */
export interface BenchFormat {
  width: number;
  height: number;
  fps: number;
}

export interface PhaseResult {
  frames: number;
  durationsMs: number[];
  missed: number;
  elapsedMs: number;
  hiddenDuringRun: boolean;
}

/** What the page exposes as `window.bench`. */
export interface BenchApi {
  runCompositor(format: BenchFormat, seconds: number): Promise<PhaseResult>;
  runBare(format: BenchFormat, seconds: number): Promise<PhaseResult>;
  ready: Promise<void>;
}
