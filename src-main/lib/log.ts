/** Main-process log lines on stderr; quiet under tests unless LOG_LEVEL asks. */
type Level = 'debug' | 'info' | 'warn' | 'error';
const order: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };
const threshold = (): number => {
  const level = process.env.LOG_LEVEL;
  if (level === 'silent') return Infinity;
  return level && level in order ? order[level as Level] : order.info;
};

function write(level: Level, message: string, detail?: unknown): void {
  if (order[level] < threshold()) return;
  const suffix = detail === undefined ? '' : ` ${detail instanceof Error ? detail.stack ?? detail.message : JSON.stringify(detail)}`;
  process.stderr.write(`[main] ${level} ${message}${suffix}\n`);
}

export const log = {
  debug: (message: string, detail?: unknown) => write('debug', message, detail),
  info: (message: string, detail?: unknown) => write('info', message, detail),
  warn: (message: string, detail?: unknown) => write('warn', message, detail),
  error: (message: string, detail?: unknown) => write('error', message, detail),
};
