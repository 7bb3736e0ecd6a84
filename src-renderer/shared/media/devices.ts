/** Camera/microphone helpers of the guest's device check (no React). */

export interface DeviceChoice {
  cameraId: string | null;
  microphoneId: string | null;
}

export interface DeviceLists {
  cameras: MediaDeviceInfo[];
  microphones: MediaDeviceInfo[];
}

export async function listDevices(): Promise<DeviceLists> {
  const all = await navigator.mediaDevices.enumerateDevices();
  return { cameras: all.filter((d) => d.kind === 'videoinput'), microphones: all.filter((d) => d.kind === 'audioinput') };
}

/** Opens the chosen camera and microphone (either may be off: `null` id with `enabled` false). */
export async function openDevices(choice: DeviceChoice, wantVideo: boolean, wantAudio: boolean): Promise<MediaStream> {
  return navigator.mediaDevices.getUserMedia({
    video: wantVideo ? (choice.cameraId ? { deviceId: { exact: choice.cameraId } } : true) : false,
    audio: wantAudio ? (choice.microphoneId ? { deviceId: { exact: choice.microphoneId } } : true) : false,
  });
}

export function stopStream(stream: MediaStream | null): void {
  stream?.getTracks().forEach((t) => t.stop());
}

/**
 * Reports the microphone level (0..1, RMS of the waveform) every `intervalMs` through a WebAudio
 * analyser; returns the stop function.
 */
export function watchLevel(stream: MediaStream, onLevel: (level: number) => void, intervalMs = 100): () => void {
  if (stream.getAudioTracks().length === 0) return () => undefined;
  const ctx = new AudioContext();
  const source = ctx.createMediaStreamSource(stream);
  const analyser = ctx.createAnalyser();
  analyser.fftSize = 1024;
  source.connect(analyser);
  const samples = new Float32Array(analyser.fftSize);
  const timer = setInterval(() => {
    analyser.getFloatTimeDomainData(samples);
    let sum = 0;
    for (const v of samples) sum += v * v;
    // Speech RMS sits around 0.05..0.3: scale so that a normal voice fills most of the meter.
    onLevel(Math.min(1, Math.sqrt(sum / samples.length) * 4));
  }, intervalMs);
  // A context created before a user gesture starts suspended.
  void ctx.resume().catch(() => undefined);
  return () => {
    clearInterval(timer);
    source.disconnect();
    void ctx.close();
  };
}
