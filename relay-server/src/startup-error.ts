import type { RelayConfig } from './config.js';

/** A Node system error's code (`EADDRINUSE`, `ECONNREFUSED`, `ER_ACCESS_DENIED_ERROR`…), if any. */
function codeOf(err: unknown): string | undefined {
  if (typeof err !== 'object' || err === null || !('code' in err)) return undefined;
  return typeof err.code === 'string' ? err.code : undefined;
}

/** The database address without its password, for a message shown to the person starting the relay. */
function redactedDatabase(config: Pick<RelayConfig, 'database'>): string {
  if (config.database.kind === 'sqlite') return config.database.url;
  try {
    const url = new URL(config.database.url);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return 'mysql://…';
  }
}

/**
 * One line saying what went wrong at start-up and which setting to change, for the usual mistakes
 * (port taken, database unreachable or refusing us). Undefined for anything else: the caller logs
 * the full error then.
 */
export function describeStartupError(err: unknown, config: Pick<RelayConfig, 'port' | 'host' | 'database'>): string | undefined {
  const code = codeOf(err);
  const db = redactedDatabase(config);
  switch (code) {
    case 'EADDRINUSE':
      return `Port ${config.port} is already in use on ${config.host}: stop the other program or set PORT to a free port.`;
    case 'EACCES':
      return `Not allowed to listen on port ${config.port}: choose a port above 1023 with PORT.`;
    case 'EADDRNOTAVAIL':
      return `HOST=${config.host} is not an address of this machine.`;
    case 'ECONNREFUSED':
    case 'ENOTFOUND':
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
      return `Cannot reach the database at ${db} (${code}): start it, or fix DATABASE_URL (leave it unset for the embedded SQLite file).`;
    case 'ER_ACCESS_DENIED_ERROR':
    case 'ER_DBACCESS_DENIED_ERROR':
      return `The database at ${db} refused the user or password in DATABASE_URL (${code}).`;
    case 'SQLITE_CANTOPEN':
      return `Cannot open the SQLite file ${db}: check that DATA_DIR exists and is writable.`;
    default:
      return undefined;
  }
}
