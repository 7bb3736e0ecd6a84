/**
 * A live session with one user per role, for chat and moderation suites:
 * host, moderator (granted by the host), guest (seated by the host), viewer (joined), stranger
 * (signed in, never joined), banned (joined, then banned by the host), author (a second viewer whose
 * messages others act on). Everything goes through the public HTTP API of a real relay.
 */
import { expect } from 'vitest';
import { buildPath } from '../../../protocol/http.js';
import { routes } from '../../../protocol/routes.js';
import { Message, MessageReply, MessagesReply } from '../../../protocol/chat.js';
import { serverEvents, type ServerEventName, type ServerPayload } from '../../../protocol/events.js';
import { SessionReply } from '../../../protocol/sessions.js';
import type { ClientSocket, TestRelay } from '../../support/relay.js';

export interface Member {
  userId: string;
  token: string;
}

export type RoleName = 'host' | 'moderator' | 'guest' | 'viewer' | 'stranger' | 'banned' | 'author';

export interface World {
  sessionId: string;
  members: Record<RoleName, Member>;
}

type Route = (typeof routes)[keyof typeof routes];

/** Calls one protocol route as `member` (anonymous when undefined). */
export function call(t: TestRelay, route: Route, params: Record<string, string>, member?: Member, body?: unknown) {
  return t.api(route.method, buildPath(route.path, params), { token: member?.token, body });
}

async function signedUp(t: TestRelay): Promise<Member> {
  const { user, token } = await t.register();
  return { userId: user.id, token };
}

async function joined(t: TestRelay, sessionId: string): Promise<Member> {
  const member = await signedUp(t);
  const res = await call(t, routes.joinSession, { id: sessionId }, member);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return member;
}

async function grantRole(t: TestRelay, sessionId: string, host: Member, member: Member, role: 'moderator' | 'guest'): Promise<void> {
  const res = await call(t, routes.updateParticipant, { id: sessionId, userId: member.userId }, host, { role });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

/** A started public (or private) session and one member per role. */
export async function buildWorld(t: TestRelay, options: { isPublic?: boolean } = {}): Promise<World> {
  const host = await signedUp(t);
  const created = await call(t, routes.createSession, {}, host, { title: 'Chat night', type: 'video', isPublic: options.isPublic ?? true });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const sessionId = SessionReply.parse(created.body).session.id;
  const started = await call(t, routes.startSession, { id: sessionId }, host);
  expect(started.status, JSON.stringify(started.body)).toBe(200);

  const moderator = await joined(t, sessionId);
  await grantRole(t, sessionId, host, moderator, 'moderator');
  const guest = await joined(t, sessionId);
  await grantRole(t, sessionId, host, guest, 'guest');
  const viewer = await joined(t, sessionId);
  const author = await joined(t, sessionId);
  const banned = await joined(t, sessionId);
  const ban = await call(t, routes.ban, { id: sessionId }, host, { userId: banned.userId });
  expect(ban.status, JSON.stringify(ban.body)).toBe(200);
  const stranger = await signedUp(t);
  return { sessionId, members: { host, moderator, guest, viewer, stranger, banned, author } };
}

let counter = 0;
/** A fresh client message id (8..64 characters). */
export const cid = (): string => `cmid-${process.pid}-${Date.now().toString(36)}-${(counter++).toString(36)}`;

export async function postMessage(t: TestRelay, sessionId: string, member: Member, content: string, clientMessageId = cid()): Promise<Message> {
  const res = await call(t, routes.sendMessage, { id: sessionId }, member, { content, clientMessageId });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return MessageReply.parse(res.body).message;
}

export async function listMessages(t: TestRelay, sessionId: string, query = ''): Promise<Message[]> {
  const res = await t.api('GET', `${buildPath(routes.listMessages.path, { id: sessionId })}${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return MessagesReply.parse(res.body).messages;
}

/** Every message of the session, oldest first, by paging backwards with `before` like a client would. */
export async function fullHistory(t: TestRelay, sessionId: string): Promise<Message[]> {
  const pages: Message[][] = [];
  let before = '';
  for (;;) {
    const page = await listMessages(t, sessionId, `?limit=100${before}`);
    if (page.length === 0) break;
    pages.unshift(page);
    before = `&before=${page[0]!.id}`;
  }
  return pages.flat();
}

interface Seen {
  event: string;
  payload: unknown;
}

/**
 * Records every server event a socket receives, validating each against the protocol schema, and
 * lets a test wait for one (the wait is a safety net, not an assertion about speed).
 */
export class EventLog {
  readonly seen: Seen[] = [];
  private waiters: Array<() => void> = [];

  constructor(readonly socket: ClientSocket) {
    socket.onAny((event: string, payload: unknown) => {
      if (event in serverEvents) serverEvents[event as ServerEventName].parse(payload);
      this.seen.push({ event, payload });
      for (const wake of this.waiters) wake();
    });
  }

  of<E extends ServerEventName>(event: E): Array<ServerPayload<E>> {
    return this.seen.filter((s) => s.event === event).map((s) => serverEvents[event].parse(s.payload) as ServerPayload<E>);
  }

  /** Messages delivered through `chat:messages`, in arrival order. */
  messages(): Message[] {
    return this.of('chat:messages').flatMap((p) => p.messages);
  }

  waitFor<E extends ServerEventName>(event: E, match: (p: ServerPayload<E>) => boolean = () => true, timeoutMs = 10_000): Promise<ServerPayload<E>> {
    return this.until(() => this.of(event).find(match), `${event}`, timeoutMs);
  }

  /** Resolves once `count` messages have been delivered. */
  waitForMessages(count: number, timeoutMs = 15_000): Promise<Message[]> {
    return this.until(() => (this.messages().length >= count ? this.messages() : undefined), `${count} messages`, timeoutMs);
  }

  private until<T>(probe: () => T | undefined, what: string, timeoutMs: number): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = probe();
        if (found === undefined) return false;
        clearTimeout(timer);
        this.waiters = this.waiters.filter((w) => w !== wake);
        resolve(found);
        return true;
      };
      const wake = () => void check();
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== wake);
        reject(new Error(`no ${what} after ${timeoutMs} ms; saw ${this.seen.map((s) => s.event).join(', ')}`));
      }, timeoutMs);
      if (!check()) this.waiters.push(wake);
    });
  }
}

/** A socket that joined the session's room, with its event log and the join ack. */
export async function joinedSocket(t: TestRelay, sessionId: string, member?: Member, afterMessageId?: string) {
  const socket = await t.socket(member?.token);
  const log = new EventLog(socket);
  const ack = await socket.emitWithAck('session:join', afterMessageId ? { sessionId, afterMessageId } : { sessionId });
  if (!ack.ok) throw new Error(`session:join refused: ${JSON.stringify(ack.error)}`);
  return { socket, log, ack };
}

export const ids = (messages: Message[]): string[] => messages.map((m) => m.id);
export { Message };
