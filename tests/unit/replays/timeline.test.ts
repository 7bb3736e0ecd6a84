import { describe, expect, it } from 'vitest';
import type { ReplayMessage, ReplayPin } from '../../../protocol/replays.js';
import { chatHeat, messagesAt, pinsAt } from '../../../src-renderer/pages/replay/timeline.js';
import { chaptersOf, recordingStart, replayClock } from '../../../relay-server/src/replays/chat-timeline.js';
import type { SegmentEntry } from '../../../relay-server/src/replays/files.js';

const message = (id: string, offsetSeconds: number): ReplayMessage => ({
  id,
  sessionId: 's',
  userId: 'u',
  displayName: 'U',
  content: id,
  type: 'text',
  clientMessageId: null,
  pinned: false,
  createdAt: new Date(0).toISOString(),
  seq: 1,
  offsetSeconds,
});

const T0 = Date.UTC(2026, 10, 30, 12);
/** A segment of `duration` s arriving `lag` s after its end, in a run starting at `start` s. */
const segment = (n: number, start: number, duration: number, lag: number, discontinuity = false): SegmentEntry => ({
  n,
  init: 1,
  duration,
  discontinuity,
  pdt: T0 + start * 1000,
  arrival: T0 + (start + duration + lag) * 1000,
  bytes: 100,
});

describe('the replay page’s chat timeline', () => {
  const messages = [message('a', 1), message('b', 5), message('c', 5.5), message('d', 30)];

  it('shows the messages said up to the playing time, none later', () => {
    expect(messagesAt(messages, 0).map((m) => m.id)).toEqual([]);
    expect(messagesAt(messages, 4.99).map((m) => m.id)).toEqual(['a']);
    expect(messagesAt(messages, 5).map((m) => m.id)).toEqual(['a', 'b']);
    expect(messagesAt(messages, 100).map((m) => m.id)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('shows a pin only over the span it was pinned', () => {
    const pins: ReplayPin[] = [{ message: { ...message('b', 5), pinned: true }, fromSeconds: 6, toSeconds: 10 }];
    expect(pinsAt(pins, 5.9)).toEqual([]);
    expect(pinsAt(pins, 6).map((m) => m.id)).toEqual(['b']);
    expect(pinsAt(pins, 10)).toEqual([]);
    expect(pinsAt([{ ...pins[0]!, toSeconds: null }], 1000).map((m) => m.id)).toEqual(['b']);
  });

  it('heats the seek bar where the chat was busy', () => {
    const heat = chatHeat(messages, 40, 4);
    expect(heat).toEqual([1, 0, 0, 1 / 3]);
    expect(chatHeat([], 40, 4)).toEqual([0, 0, 0, 0]);
    expect(chatHeat(messages, 0, 3)).toEqual([0, 0, 0]);
  });
});

describe('the replay’s clock (relay)', () => {
  it('starts each run at its least delayed segment: the start-up delay does not shift the chat', () => {
    // ffmpeg took 3 s to start: the first segments arrive late, later ones 0.2 s after their end.
    const entries = [segment(0, 0, 2, 3), segment(1, 2, 2, 1.5), segment(2, 4, 2, 0.2), segment(3, 6, 2, 0.2)];
    expect(recordingStart(entries)).toBe(T0 + 200);
    const at = replayClock(entries);
    expect(at(T0 + 200 + 5000)).toBeCloseTo(5, 3);
    expect(at(T0 - 10_000)).toBe(0);
    expect(at(T0 + 60_000)).toBe(8);
  });

  it('lays runs end to end: a message during a packager restart shows at the end of the segment before it', () => {
    // Run 1: 0–4 s; a 10 s gap; run 2 starts at 14 s of wall time.
    const entries = [segment(0, 0, 2, 0), segment(1, 2, 2, 0), segment(2, 14, 2, 0, true), segment(3, 16, 2, 0)];
    const at = replayClock(entries);
    expect(at(T0 + 3000)).toBeCloseTo(3, 3);
    expect(at(T0 + 9000)).toBeCloseTo(4, 3);
    expect(at(T0 + 15_000)).toBeCloseTo(5, 3);
    expect(at(T0 + 17_500)).toBeCloseTo(7.5, 3);
  });
});

describe('the replay’s chapters (relay)', () => {
  const entries = [segment(0, 0, 2, 0), segment(1, 2, 2, 0), segment(2, 14, 2, 0, true), segment(3, 16, 2, 0)];
  const change = (wallSeconds: number, title: string) => ({ at: new Date(T0 + wallSeconds * 1000), title });

  it('puts each scene change at its moment on the replay’s clock', () => {
    expect(chaptersOf([change(0, 'Intro'), change(3, 'Interview'), change(15, 'Q&A')], replayClock(entries))).toEqual([
      { title: 'Intro', atSeconds: 0 },
      { title: 'Interview', atSeconds: 3 },
      { title: 'Q&A', atSeconds: 5 },
    ]);
  });

  it('keeps the scene viewers saw when several land on one moment (before the first frame, in a gap), and one chapter per scene run', () => {
    const changes = [change(-5, 'Waiting'), change(-1, 'Intro'), change(1, 'Intro'), change(6, 'Break'), change(9, 'Interview'), change(15, 'Interview')];
    expect(chaptersOf(changes, replayClock(entries))).toEqual([
      { title: 'Intro', atSeconds: 0 },
      { title: 'Interview', atSeconds: 4 },
    ]);
  });
});
