import { parseArgs } from 'node:util';
import { z } from 'zod';

const count = (max: number) => z.coerce.number().int().min(0).max(max);

export const LoadOptions = z.object({
  url: z.url().transform((u) => u.replace(/\/$/, '')),
  viewers: count(100_000).default(10),
  chatters: count(10_000).default(2),
  /** Chat messages per second, all chatters together. */
  rate: z.coerce.number().min(0).max(10_000).default(1),
  durationS: z.coerce.number().positive().max(24 * 3600).default(30),
  media: z.enum(['whep']).optional(),
  /** An existing live to load; otherwise a public one is created (and ended) by the tool. */
  session: z.string().min(1).optional(),
  token: z.string().min(1, 'is required'),
  json: z.string().optional(),
  /** Live figures every this many ms (0: none). */
  reportEveryMs: z.coerce.number().int().min(0).default(1000),
});
export type LoadOptions = z.infer<typeof LoadOptions>;

export const USAGE = `npm run load -- --url <relay> [--viewers N] [--chatters M] [--rate R] [--duration S] [--media whep] [--session <id>] [--json <file>]
  The relay's operator token is required: --token <token>, or OPERATOR_TOKEN in the environment
  (the value the relay was started with, see README "Load testing").`;

/** Reads argv (and OPERATOR_TOKEN); throws with the reason and the usage when something is wrong. */
export function parseLoadArgs(argv: string[], env: NodeJS.ProcessEnv): LoadOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      url: { type: 'string' },
      viewers: { type: 'string' },
      chatters: { type: 'string' },
      rate: { type: 'string' },
      duration: { type: 'string' },
      media: { type: 'string' },
      session: { type: 'string' },
      token: { type: 'string' },
      json: { type: 'string' },
    },
    strict: true,
  });
  const parsed = LoadOptions.safeParse({
    url: values.url,
    viewers: values.viewers,
    chatters: values.chatters,
    rate: values.rate,
    durationS: values.duration,
    media: values.media,
    session: values.session,
    token: values.token ?? env.OPERATOR_TOKEN ?? '',
    json: values.json,
  });
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  --${i.path.join('.') === 'durationS' ? 'duration' : i.path.join('.')}: ${i.message}`);
    throw new Error(`${lines.join('\n')}\n${USAGE}`);
  }
  if (parsed.data.media === 'whep' && !parsed.data.session) {
    throw new Error(`  --media whep: needs --session <id> of a live that is publishing (the tool sends no video itself)\n${USAGE}`);
  }
  return parsed.data;
}
