import { pino } from 'pino';

/** One structured logger for the relay; the level comes from LOG_LEVEL (tests set `silent`). */
export const logger = pino({
  level: process.env.LOG_LEVEL ?? 'info',
  base: { service: 'relay' },
  redact: ['req.headers.authorization', 'req.headers.cookie', 'password', 'token'],
});
export type Logger = typeof logger;
