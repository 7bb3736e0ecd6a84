import { z } from 'zod';
import { ReplayChapter, ReplayMessage, ReplayPin } from '../../../protocol/replays.js';
import { toMessage } from '../chat/wire.js';
import type { ModerationLogRecord, Repositories } from '../storage/types.js';
import type { SegmentEntry } from './files.js';

/** Messages a replay keeps at most (the oldest first): a day-long live's chat stays one readable file. */
export const MAX_REPLAY_MESSAGES = 50_000;
const MAX_LOG_ENTRIES = 100_000;

/** What `chat.json` holds: the chat as the replay shows it, fixed when the live ends. */
export const ChatTimeline = z.object({
  messages: z.array(ReplayMessage),
  pins: z.array(ReplayPin),
  chapters: z.array(ReplayChapter),
});
export type ChatTimeline = z.infer<typeof ChatTimeline>;

/**
 * When each segment's first frame was captured, ms since the epoch. Within one run of the packager (up
 * to a discontinuity) media time runs with the wall clock, and a segment reaches the relay at its end
 * plus the pipeline's delay, which is longest while ffmpeg starts and shortest once it keeps up: the
 * run's start is the earliest `arrival - end` over its segments (the PROGRAM-DATE-TIME of the live
 * playlist keeps the start-up delay, which would show chat early by that much).
 */
export function segmentStarts(entries: readonly SegmentEntry[]): number[] {
  const starts: number[] = [];
  let runFirst = 0;
  const closeRun = (end: number) => {
    let media = 0;
    let anchor = Infinity;
    for (let i = runFirst; i < end; i++) {
      const entry = entries[i];
      if (!entry) continue;
      media += entry.duration;
      anchor = Math.min(anchor, entry.arrival - media * 1000);
    }
    media = 0;
    for (let i = runFirst; i < end; i++) {
      starts.push(anchor + media * 1000);
      media += entries[i]?.duration ?? 0;
    }
  };
  entries.forEach((entry, i) => {
    if (i > 0 && entry.discontinuity) {
      closeRun(i);
      runFirst = i;
    }
  });
  closeRun(entries.length);
  return starts;
}

/** When the replay's first frame was captured (its time 0), ms since the epoch; null when nothing was recorded. */
export function recordingStart(entries: readonly SegmentEntry[]): number | null {
  const first = segmentStarts(entries)[0];
  return first === undefined ? null : Math.round(first);
}

/**
 * Maps a wall-clock time of the live to the replay's time: the recorded segments laid end to end, each
 * starting when its first frame was captured (segmentStarts). A moment in a gap (the packager
 * restarting) shows at the end of the segment before it; one before the first frame at 0.
 */
export function replayClock(entries: readonly SegmentEntry[]): (wallMs: number) => number {
  const walls = segmentStarts(entries);
  const starts: number[] = [];
  let total = 0;
  for (const entry of entries) {
    starts.push(total);
    total += entry.duration;
  }
  return (wallMs) => {
    let i = entries.length - 1;
    while (i >= 0 && (walls[i] ?? Infinity) > wallMs) i -= 1;
    const entry = entries[i];
    if (!entry) return 0;
    const into = Math.min(entry.duration, (wallMs - (walls[i] ?? 0)) / 1000);
    return Math.round(((starts[i] ?? 0) + into) * 1000) / 1000;
  };
}

/** Each message's pinned spans, from the moderation log (oldest first). */
function pinSpans(log: ModerationLogRecord[]): Map<string, Array<{ from: number; to: number | null }>> {
  const spans = new Map<string, Array<{ from: number; to: number | null }>>();
  for (const entry of [...log].reverse()) {
    const id = entry.targetMessageId;
    if (!id || (entry.action !== 'pin' && entry.action !== 'unpin')) continue;
    const list = spans.get(id) ?? [];
    const open = list.at(-1);
    if (entry.action === 'pin' && (!open || open.to !== null)) list.push({ from: entry.createdAt.getTime(), to: null });
    if (entry.action === 'unpin' && open && open.to === null) open.to = entry.createdAt.getTime();
    spans.set(id, list);
  }
  return spans;
}

/** Scene changes a live keeps at most as chapters, and its replay lists (a studio switching scenes in a loop stops adding). */
export const MAX_CHAPTERS = 500;

/**
 * The replay's chapters from the scene changes (wall clock, oldest first): each at its moment on the
 * replay's clock. Scenes on program before the first frame (or within one gap) land on the same second:
 * the last of them is the one viewers saw; a scene following itself is one chapter.
 */
export function chaptersOf(changes: ReadonlyArray<{ at: Date; title: string }>, at: (wallMs: number) => number): ChatTimeline['chapters'] {
  const chapters: ChatTimeline['chapters'] = [];
  for (const change of changes) {
    const chapter = { title: change.title, atSeconds: at(change.at.getTime()) };
    if (chapters.at(-1)?.atSeconds === chapter.atSeconds) chapters.pop();
    if (chapters.at(-1)?.title !== chapter.title) chapters.push(chapter);
  }
  return chapters;
}

/**
 * The chat of an ended live as its replay shows it: messages at their moment, never a deleted one nor
 * one from a person banned from the live, pins over the spans they were pinned, and the chapters.
 */
export async function chatTimeline(repos: Repositories, sessionId: string, entries: readonly SegmentEntry[]): Promise<ChatTimeline> {
  const at = replayClock(entries);
  const banned = new Set((await repos.moderation.listBans(sessionId)).map((b) => b.userId));
  const records = (await repos.messages.listAfter(sessionId, 0, MAX_REPLAY_MESSAGES)).filter((m) => !banned.has(m.userId));
  const messages = records.map((record) => ({ ...toMessage(record), pinned: false, offsetSeconds: at(record.createdAt.getTime()) }));
  const byId = new Map(messages.map((m) => [m.id, m]));
  const pins: ChatTimeline['pins'] = [];
  for (const [id, spans] of pinSpans(await repos.moderation.listLog(sessionId, MAX_LOG_ENTRIES))) {
    const message = byId.get(id);
    if (!message) continue;
    const { offsetSeconds: _offset, ...plain } = message;
    for (const span of spans) pins.push({ message: { ...plain, pinned: true }, fromSeconds: at(span.from), toSeconds: span.to === null ? null : at(span.to) });
  }
  pins.sort((a, b) => a.fromSeconds - b.fromSeconds);
  return { messages, pins, chapters: chaptersOf(await repos.recordings.listChapters(sessionId, MAX_CHAPTERS), at) };
}
