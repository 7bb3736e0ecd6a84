/**
 * The relay's HTTP contract as an OpenAPI 3.1 document, generated from the zod schemas of `protocol/`
 * (zod-openapi turns each schema into JSON Schema 2020-12). Nothing here restates a shape: the JSON routes
 * come from `protocol/routes.ts`, the WHIP/WHEP endpoints from `protocol/media.ts` and `protocol/ingest.ts`;
 * only what the tables do not say (summaries of the SDP and operations endpoints) is written here.
 */
import { AVATAR_MAX_BYTES, AVATAR_TYPES, ProfileReply, UserIdParams, avatarPaths } from '../../../protocol/follows.js';
import { ReplayFileParams, replayPaths } from '../../../protocol/replays.js';
import { z } from 'zod';
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject } from 'zod-openapi';
import { ErrorBody } from '../../../protocol/common.js';
import { NoReply, type RouteDef } from '../../../protocol/http.js';
import { routes } from '../../../protocol/routes.js';
import { mediaPaths, MediaResourceParams, MediaSessionParams } from '../../../protocol/media.js';
import { ingestPaths, IngestResourceParams } from '../../../protocol/ingest.js';
import { contractPaths } from './paths.js';

type Method = 'get' | 'post' | 'patch' | 'delete' | 'options';

/** `/api/sessions/:id` → `/api/sessions/{id}` (OpenAPI path templating). */
export function toOpenApiPath(expressPath: string): string {
  return expressPath.replace(/:([A-Za-z]+)/g, '{$1}');
}

/** `createSession` → `Create session`. */
function summaryOf(name: string): string {
  const words = name.replace(/([A-Z])/g, ' $1').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The first path segment after /api names the feature: sessions, auth, invitations… */
function tagOf(path: string): string {
  const segment = path.split('/')[2] ?? 'relay';
  return ({ 'invite-links': 'invitations', 'stream-keys': 'ingest', info: 'relay' } as Record<string, string>)[segment] ?? segment;
}

/** Keys of an object schema; empty for the "no params / no query" defaults. */
function shapeKeys(schema: z.ZodType): string[] {
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
}

/** A body schema that accepts nothing but `{}` or no body at all: the route takes no body. */
function takesNoBody(schema: z.ZodType): boolean {
  return !schema.safeParse({ unexpected: true }).success && schema.safeParse(undefined).success && !schema.safeParse('').success;
}

const errorResponse = {
  description: 'An error: `error.code` says which (400 invalid_input, 401 unauthorized, 403 forbidden, 404 not_found, 409, 413, 429 with Retry-After…).',
  content: { 'application/json': { schema: ErrorBody } },
};

function jsonOperation(name: string, def: RouteDef): ZodOpenApiOperationObject {
  const requestParams: NonNullable<ZodOpenApiOperationObject['requestParams']> = {};
  if (shapeKeys(def.params).length > 0 && def.params instanceof z.ZodObject) requestParams.path = def.params;
  if (shapeKeys(def.query).length > 0 && def.query instanceof z.ZodObject) requestParams.query = def.query;
  const noBody = takesNoBody(def.body);
  const success =
    def.status === 204 || def.reply === NoReply
      ? { description: 'Done (no body).' }
      : { description: 'Success.', content: { 'application/json': { schema: def.reply } } };
  return {
    operationId: name,
    summary: summaryOf(name),
    tags: [tagOf(def.path)],
    ...(Object.keys(requestParams).length > 0 ? { requestParams } : {}),
    ...(noBody
      ? {}
      : { requestBody: { required: !def.body.safeParse(undefined).success, content: { 'application/json': { schema: def.body } } } }),
    responses: { [String(def.status === 204 || def.reply === NoReply ? 204 : def.status)]: success, default: errorResponse },
  };
}

const sdp = z.string().meta({ description: 'An SDP document (RFC 8866).' });
const location = z.string().meta({ description: 'The resource created: DELETE it to stop.' });

/** WHIP (RFC 9725) and WHEP endpoints: SDP in, SDP out, a Location to DELETE. */
function sdpEndpoint(kind: 'WHIP publish' | 'WHEP play' | 'Encoder ingest (WHIP)', tag: string, params: z.ZodObject | undefined, redirects: boolean) {
  const post: ZodOpenApiOperationObject = {
    summary: `${kind}: send an SDP offer, receive the answer`,
    tags: [tag],
    ...(params ? { requestParams: { path: params } } : {}),
    requestBody: { required: true, content: { 'application/sdp': { schema: sdp } } },
    responses: {
      '201': { description: 'The SDP answer.', headers: z.object({ Location: location }), content: { 'application/sdp': { schema: sdp } } },
      ...(redirects ? { '307': { description: 'Another relay node holds the publisher: POST the same offer to Location.' } } : {}),
      '415': { description: 'The body is not `application/sdp`.', content: { 'application/json': { schema: ErrorBody } } },
      default: errorResponse,
    },
  };
  const options: ZodOpenApiOperationObject = {
    summary: `${kind}: what the endpoint accepts (Allow, Accept-Post)`,
    tags: [tag],
    ...(params ? { requestParams: { path: params } } : {}),
    responses: { '204': { description: 'Allow: OPTIONS, POST; Accept-Post: application/sdp.' } },
  };
  return { post, options };
}

function sdpResource(kind: string, tag: string, params: z.ZodObject) {
  const remove: ZodOpenApiOperationObject = {
    summary: `${kind}: stop (end the resource)`,
    tags: [tag],
    requestParams: { path: params },
    responses: { '200': { description: 'Stopped (also when it was already gone).' }, default: errorResponse },
  };
  const options: ZodOpenApiOperationObject = {
    summary: `${kind}: what the resource accepts (Allow)`,
    tags: [tag],
    requestParams: { path: params },
    responses: { '204': { description: 'Allow: DELETE, OPTIONS.' } },
  };
  return { delete: remove, options };
}

function operationsPaths(): ZodOpenApiPathsObject {
  const text = (description: string, type: string) => ({ description, content: { [type]: { schema: z.string() } } });
  const health = z.object({ status: z.enum(['ok', 'error']), db: z.enum(['ok', 'error']) });
  return {
    '/healthz': {
      get: {
        summary: 'Health: the database answers within 2 s',
        tags: ['operations'],
        responses: { '200': { description: 'Healthy.', content: { 'application/json': { schema: health } } }, '503': { description: 'The database does not answer.', content: { 'application/json': { schema: health } } } },
      },
    },
    '/metrics': { get: { summary: 'Prometheus metrics', tags: ['operations'], responses: { '200': text('Prometheus text exposition.', 'text/plain') } } },
    [contractPaths.openapi]: { get: { summary: 'This document', tags: ['contract'], responses: { '200': { description: 'OpenAPI 3.1 (JSON).' } } } },
    [contractPaths.events]: { get: { summary: 'The Socket.io events reference (JSON Schema per event)', tags: ['contract'], responses: { '200': { description: 'Every client → server and server → client event.' } } } },
    [contractPaths.docs]: { get: { summary: 'This reference, rendered (Swagger UI, served by the relay)', tags: ['contract'], responses: { '200': text('HTML page.', 'text/html') } } },
    [toOpenApiPath(contractPaths.docsAsset)]: {
      get: {
        summary: 'Files of the rendered reference',
        tags: ['contract'],
        requestParams: { path: z.object({ file: z.string() }) },
        responses: { '200': { description: 'A script or style sheet.' }, '404': errorResponse },
      },
    },
  };
}

function jsonRoutePaths(): ZodOpenApiPathsObject {
  const paths: ZodOpenApiPathsObject = {};
  for (const [name, def] of Object.entries(routes) as [string, RouteDef][]) {
    const key = toOpenApiPath(def.path);
    paths[key] = { ...paths[key], [def.method.toLowerCase() as Method]: jsonOperation(name, def) };
  }
  return paths;
}

function sdpPaths(): ZodOpenApiPathsObject {
  return {
    [toOpenApiPath(mediaPaths.whip)]: sdpEndpoint('WHIP publish', 'media', MediaSessionParams, true),
    [toOpenApiPath(mediaPaths.whipResource)]: sdpResource('WHIP publish', 'media', MediaResourceParams),
    [toOpenApiPath(mediaPaths.whep)]: sdpEndpoint('WHEP play', 'media', MediaSessionParams, true),
    [toOpenApiPath(mediaPaths.whepResource)]: sdpResource('WHEP play', 'media', MediaResourceParams),
    [toOpenApiPath(ingestPaths.whip)]: {
      ...sdpEndpoint('Encoder ingest (WHIP)', 'ingest', undefined, false),
      post: { ...sdpEndpoint('Encoder ingest (WHIP)', 'ingest', undefined, false).post, security: [{ streamKey: [] }] },
    },
    [toOpenApiPath(ingestPaths.whipResource)]: sdpResource('Encoder ingest (WHIP)', 'ingest', IngestResourceParams),
  };
}

/** Path tables joined method by method (a JSON route and a binary one may share a path). */
function mergePaths(...tables: ZodOpenApiPathsObject[]): ZodOpenApiPathsObject {
  const merged: ZodOpenApiPathsObject = {};
  for (const table of tables) for (const [path, item] of Object.entries(table)) merged[path] = { ...merged[path], ...item };
  return merged;
}

/** The avatar's binary routes: an image goes up (re-encoded by the relay), a WebP comes down. */
function avatarImagePaths(): ZodOpenApiPathsObject {
  const image = z.string().meta({ description: 'Image bytes.' });
  return {
    [avatarPaths.upload]: {
      post: {
        summary: `Upload your avatar: ${AVATAR_TYPES.join(', ')} up to ${AVATAR_MAX_BYTES / (1024 * 1024)} MiB, re-encoded to a square WebP`,
        tags: ['profile'],
        requestBody: { required: true, content: Object.fromEntries(AVATAR_TYPES.map((type) => [type, { schema: image }])) },
        responses: {
          '200': { description: 'Your profile with its new avatarUrl.', content: { 'application/json': { schema: ProfileReply } } },
          '415': { description: 'Not one of the accepted image types.', content: { 'application/json': { schema: ErrorBody } } },
          default: errorResponse,
        },
      },
    },
    [toOpenApiPath(avatarPaths.image)]: {
      get: {
        summary: 'A user avatar (WebP; the avatarUrl of a profile carries its version)',
        tags: ['users'],
        requestParams: { path: UserIdParams },
        responses: { '200': { description: 'The image.', content: { 'image/webp': { schema: image } } }, default: errorResponse },
      },
    },
  };
}

/** A replay's media: the VOD playlist and its segments, the MP4 download, the poster. */
function replayMediaPaths(): ZodOpenApiPathsObject {
  const bytes = z.string().meta({ description: 'File bytes.' });
  return {
    [toOpenApiPath(replayPaths.file)]: {
      get: {
        summary: 'A file of a ready replay: replay.m3u8 (VOD), init-<k>.mp4, seg-<n>.m4s, replay.mp4 (download, Range requests), poster.jpg. Private lives: host and participants only (404 otherwise)',
        tags: ['replays'],
        requestParams: { path: ReplayFileParams },
        responses: {
          '200': {
            description: 'The file.',
            content: { 'application/vnd.apple.mpegurl': { schema: bytes }, 'video/mp4': { schema: bytes }, 'video/iso.segment': { schema: bytes }, 'image/jpeg': { schema: bytes } },
          },
          '206': { description: 'Part of the file (Range).', content: { 'video/mp4': { schema: bytes } } },
          default: errorResponse,
        },
      },
    },
  };
}

const description = `The HTTP contract of an Afritok Live relay, generated from the zod schemas in \`protocol/\`.
Sign in with \`POST /api/auth/login\` (or \`/register\`, \`/guest\`): the token comes back in the body (send it as
\`Authorization: Bearer …\`) and as the httpOnly \`afritok_token\` cookie. Real-time events (chat, presence,
signaling) travel over Socket.io on \`/socket.io/\`: their reference is [${contractPaths.events}](${contractPaths.events}).`;

export type OpenApiDocument = ReturnType<typeof createDocument>;

/** The whole document; built once per process (the schemas do not change while it runs). */
export function buildOpenApiDocument(version: string): OpenApiDocument {
  return createDocument({
    openapi: '3.1.0',
    info: { title: 'Afritok Live relay', version, description },
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'The token of a sign-in reply.' },
        cookie: { type: 'apiKey', in: 'cookie', name: 'afritok_token', description: 'Set by sign-in on the relay’s own pages.' },
        streamKey: { type: 'http', scheme: 'bearer', description: 'A stream key (encoders only; it may call nothing else).' },
      },
    },
    // Most routes accept anonymous callers for public data and answer 401 where an account is needed.
    security: [{}, { bearer: [] }, { cookie: [] }],
    paths: mergePaths(jsonRoutePaths(), sdpPaths(), avatarImagePaths(), replayMediaPaths(), operationsPaths()),
  });
}
