import { Emitter } from '../../../shared/realtime/emitter.js';
import type { AudioSettings } from '../../scenes/model/types.js';
import { decayPeak, peakOf, toDb } from './meter.js';

export interface MixerInput {
  id: string;
  stream: MediaStream;
  settings: AudioSettings;
  /** Whose voice this is (a guest's user id): that guest's mix-minus leaves it out. */
  owner?: string;
}

export type MixerEvents = {
  /** About 20 times a second: peak level per input and for the master, in dBFS (-60..0). */
  levels: { inputs: Record<string, number>; master: number };
};

interface Channel {
  stream: MediaStream;
  owner: string | undefined;
  node: MediaStreamAudioSourceNode;
  gain: GainNode;
  analyser: AnalyserNode;
  monitor: boolean;
  level: number;
}

const METER_INTERVAL_MS = 50;

/**
 * The WebAudio mix: each input → gain (mute = 0) → analyser → master → MediaStreamDestination,
 * optionally also → the speakers (monitor). The destination's track is the program's audio.
 * Not a React component: the UI calls `sync()` with the current inputs and listens to `levels`.
 */
export class AudioMixer {
  readonly events = new Emitter<MixerEvents>();
  private readonly ctx: AudioContext;
  private readonly master: GainNode;
  private readonly masterAnalyser: AnalyserNode;
  private readonly destination: MediaStreamAudioDestinationNode;
  private readonly channels = new Map<string, Channel>();
  /** Mix-minus buses by guest: the program's sound without that guest's own voice (no echo on their side). */
  private readonly mixMinusBuses = new Map<string, MediaStreamAudioDestinationNode>();
  private meterTimer: ReturnType<typeof setInterval> | undefined;
  private masterLevel = -60;
  private lastMeter = 0;
  private readonly buffer = new Float32Array(1024);

  constructor(ctx: AudioContext = new AudioContext()) {
    this.ctx = ctx;
    this.master = ctx.createGain();
    this.masterAnalyser = ctx.createAnalyser();
    this.masterAnalyser.fftSize = 1024;
    this.destination = ctx.createMediaStreamDestination();
    this.master.connect(this.masterAnalyser);
    this.master.connect(this.destination);
  }

  /** The mixed program audio. */
  get track(): MediaStreamTrack {
    return this.destination.stream.getAudioTracks()[0] as MediaStreamTrack;
  }

  /** A short two-note chime mixed into the program (alerts): viewers hear it with the live's sound. */
  chime(): void {
    const start = this.ctx.currentTime;
    [880, 1320].forEach((frequency, i) => {
      const tone = this.ctx.createOscillator();
      const envelope = this.ctx.createGain();
      tone.frequency.value = frequency;
      const at = start + i * 0.15;
      envelope.gain.setValueAtTime(0.0001, at);
      envelope.gain.exponentialRampToValueAtTime(0.3, at + 0.02);
      envelope.gain.exponentialRampToValueAtTime(0.0001, at + 0.35);
      tone.connect(envelope).connect(this.master);
      tone.start(at);
      tone.stop(at + 0.4);
    });
  }

  /** Browsers start an AudioContext suspended until a user gesture; call this from one. */
  async resume(): Promise<void> {
    if (this.ctx.state === 'suspended') await this.ctx.resume();
  }

  /** Adds, updates and removes channels to match `inputs`. */
  sync(inputs: readonly MixerInput[]): void {
    const wanted = new Set(inputs.map((i) => i.id));
    for (const [id] of this.channels) if (!wanted.has(id)) this.remove(id);
    for (const input of inputs) {
      if (input.stream.getAudioTracks().length === 0) continue;
      const existing = this.channels.get(input.id);
      if (existing && (existing.stream !== input.stream || existing.owner !== input.owner)) this.remove(input.id);
      const channel = this.channels.get(input.id) ?? this.add(input);
      this.apply(channel, input.settings);
    }
  }

  /**
   * A guest's return audio: every program channel except the guest's own, after the same gains and
   * mutes as the program. One bus per guest, kept until `releaseMixMinus`.
   */
  mixMinus(owner: string): MediaStreamTrack {
    let bus = this.mixMinusBuses.get(owner);
    if (!bus) {
      bus = this.ctx.createMediaStreamDestination();
      this.mixMinusBuses.set(owner, bus);
      for (const channel of this.channels.values()) if (channel.owner !== owner) channel.gain.connect(bus);
    }
    return bus.stream.getAudioTracks()[0] as MediaStreamTrack;
  }

  releaseMixMinus(owner: string): void {
    const bus = this.mixMinusBuses.get(owner);
    if (!bus) return;
    this.mixMinusBuses.delete(owner);
    for (const channel of this.channels.values()) if (channel.owner !== owner) channel.gain.disconnect(bus);
    bus.stream.getTracks().forEach((t) => t.stop());
  }

  startMeters(): void {
    if (this.meterTimer) return;
    this.lastMeter = performance.now();
    this.meterTimer = setInterval(() => this.measure(), METER_INTERVAL_MS);
  }

  stopMeters(): void {
    clearInterval(this.meterTimer);
    this.meterTimer = undefined;
  }

  async close(): Promise<void> {
    this.stopMeters();
    for (const [id] of this.channels) this.remove(id);
    await this.ctx.close();
  }

  private add(input: MixerInput): Channel {
    const node = this.ctx.createMediaStreamSource(input.stream);
    const gain = this.ctx.createGain();
    const analyser = this.ctx.createAnalyser();
    analyser.fftSize = 1024;
    node.connect(gain);
    gain.connect(analyser);
    gain.connect(this.master);
    for (const [owner, bus] of this.mixMinusBuses) if (owner !== input.owner) gain.connect(bus);
    const channel: Channel = { stream: input.stream, owner: input.owner, node, gain, analyser, monitor: false, level: -60 };
    this.channels.set(input.id, channel);
    return channel;
  }

  private apply(channel: Channel, settings: AudioSettings): void {
    channel.gain.gain.value = settings.muted ? 0 : settings.gain;
    if (settings.monitor !== channel.monitor) {
      if (settings.monitor) channel.gain.connect(this.ctx.destination);
      else channel.gain.disconnect(this.ctx.destination);
      channel.monitor = settings.monitor;
    }
  }

  private remove(id: string): void {
    const channel = this.channels.get(id);
    if (!channel) return;
    channel.node.disconnect();
    channel.gain.disconnect();
    this.channels.delete(id);
  }

  private read(analyser: AnalyserNode): number {
    analyser.getFloatTimeDomainData(this.buffer);
    return toDb(peakOf(this.buffer));
  }

  private measure(): void {
    const now = performance.now();
    const elapsed = now - this.lastMeter;
    this.lastMeter = now;
    const inputs: Record<string, number> = {};
    for (const [id, channel] of this.channels) {
      channel.level = decayPeak(channel.level, this.read(channel.analyser), elapsed);
      inputs[id] = channel.level;
    }
    this.masterLevel = decayPeak(this.masterLevel, this.read(this.masterAnalyser), elapsed);
    this.events.emit('levels', { inputs, master: this.masterLevel });
  }
}
