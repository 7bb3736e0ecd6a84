/**
 * The Socket.io contract (`protocol/events.ts`) as data: every event, its direction and the JSON Schema of
 * its payload (and, for client events, of a successful acknowledgement), converted by zod's own
 * `z.toJSONSchema`. Served at /api/events.json and written to docs/events.md by `npm run docs:contract`.
 */
import { z } from 'zod';
import { ApiError } from '../../../protocol/common.js';
import { clientEvents, serverEvents } from '../../../protocol/events.js';

type JsonSchema = Record<string, unknown>;

export interface ClientEventDoc {
  name: string;
  payload: JsonSchema;
  /** What the acknowledgement carries besides `ok: true`. */
  reply: JsonSchema;
}

export interface ServerEventDoc {
  name: string;
  payload: JsonSchema;
}

export interface EventsReference {
  title: string;
  transport: string;
  acknowledgement: string;
  failure: JsonSchema;
  clientToServer: ClientEventDoc[];
  serverToClient: ServerEventDoc[];
}

/** Payloads are what a sender writes (input); what the relay sends is what it produced (output). */
function schemaOf(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' });
  return rest;
}

export function buildEventsReference(): EventsReference {
  return {
    title: 'Afritok Live relay — Socket.io events',
    transport:
      'Socket.io 4 on the relay’s own origin, path /socket.io/. The handshake is signed in by the afritok_token cookie or `auth: { token }`; anonymous sockets may watch public sessions.',
    acknowledgement:
      'Every client event takes an acknowledgement callback, called with `{ ok: true, ...reply }` on success or `{ ok: false, error }` (error below) when the payload is invalid or the action is refused.',
    failure: schemaOf(ApiError, 'output'),
    clientToServer: Object.entries(clientEvents).map(([name, e]) => ({
      name,
      payload: schemaOf(e.payload, 'input'),
      reply: schemaOf(e.reply, 'output'),
    })),
    serverToClient: Object.entries(serverEvents).map(([name, schema]) => ({ name, payload: schemaOf(schema, 'output') })),
  };
}

const block = (schema: JsonSchema) => ['```json', JSON.stringify(schema, null, 2), '```'].join('\n');

/** docs/events.md: the same reference for people who read the repository. */
export function renderEventsMarkdown(ref: EventsReference): string {
  const lines = [
    `# ${ref.title}`,
    '',
    '<!-- Generated from protocol/events.ts by `npm run docs:contract`: do not edit by hand. -->',
    '',
    ref.transport,
    '',
    ref.acknowledgement,
    '',
    'The HTTP routes are in the OpenAPI document every relay serves at `/api/openapi.json`, rendered at `/api/docs`.',
    '',
    '## Acknowledgement error',
    '',
    block(ref.failure),
    '',
    '## Client → server',
    '',
    ...ref.clientToServer.map((e) => `- [\`${e.name}\`](#client-${anchor(e.name)})`),
    '',
  ];
  for (const e of ref.clientToServer) {
    lines.push(`<a id="client-${anchor(e.name)}"></a>`, `### \`${e.name}\``, '', 'Payload:', '', block(e.payload), '', 'Reply (besides `ok: true`):', '', block(e.reply), '');
  }
  lines.push('## Server → client', '', ...ref.serverToClient.map((e) => `- [\`${e.name}\`](#server-${anchor(e.name)})`), '');
  for (const e of ref.serverToClient) {
    lines.push(`<a id="server-${anchor(e.name)}"></a>`, `### \`${e.name}\``, '', block(e.payload), '');
  }
  return lines.join('\n');
}

function anchor(name: string): string {
  return name.replace(/[^a-z0-9]+/gi, '-').toLowerCase();
}
