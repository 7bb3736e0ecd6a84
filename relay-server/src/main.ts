/**
 * `npm run relay`: reads the environment, opens storage, starts the relay and stops it cleanly on
 * SIGTERM/SIGINT (no new connections, sockets disconnected, database pool closed) within 10 s.
 */
import { pathToFileURL } from 'node:url';
import { ConfigError, loadConfig, type RelayConfig } from './config.js';
import { logger } from './core/logger.js';
import { createRelay, type Relay } from './app.js';
import { createStorage } from './storage/index.js';
import { describeStartupError } from './startup-error.js';
import { startHeapTrim } from './observability/heap-trim.js';
import { DEFAULT_WEB_ROOT, ensureWebBundle, hasWebBundle } from './web-bundle.js';

const SHUTDOWN_DEADLINE_MS = 10_000;

/**
 * The pages to serve: none with WEB_ROOT=off (an API-only node), WEB_ROOT as it is (a deployment that built
 * them once), else this checkout's dist-web/, built first when missing or older than its sources, so
 * `npm run relay` alone serves every page.
 */
function pagesFolder(): string | undefined {
  const configured = process.env.WEB_ROOT;
  if (configured === 'off') return undefined;
  if (configured) {
    if (!hasWebBundle(configured)) logger.warn({ webRoot: configured }, 'WEB_ROOT holds no index.html: pages will answer "page not found"');
    return configured;
  }
  const outcome = ensureWebBundle((line) => logger.info(line));
  return outcome === 'missing' ? undefined : DEFAULT_WEB_ROOT;
}

function readConfig(): RelayConfig {
  try {
    return { ...loadConfig(), webRoot: pagesFolder() };
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
}

/** Starts the relay; resolves once it listens. Used by this file and by scripts/start.ts. */
export async function startRelay(config: RelayConfig): Promise<{ relay: Relay; url: string }> {
  const storage = await createStorage(config.database);
  const relay = await createRelay(config, { storage });
  const { url } = await relay.listen();
  const stopHeapTrim = config.heapTrim ? startHeapTrim(logger) : () => undefined;
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    stopHeapTrim();
    logger.info({ signal }, 'shutting down');
    // Forced exit if anything hangs; unref so it never keeps a finished process alive.
    setTimeout(() => {
      logger.error('shutdown took too long, exiting');
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS).unref();
    relay
      .close()
      .then(() => storage.close())
      .then(() => process.exit(0))
      .catch((err: unknown) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      });
  };
  // `on`, not `once`: a process group signal can arrive twice (directly and forwarded by tsx/npm),
  // and a second default-handled SIGTERM would kill the process mid-shutdown.
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  return { relay, url };
}

/**
 * A stray rejected promise in one handler must not take every live session down: log it loudly.
 * An uncaught exception may have left state half-updated: log it and exit (the supervisor restarts).
 */
function installCrashHandlers(): void {
  process.on('unhandledRejection', (reason: unknown) => logger.error({ err: reason }, 'unhandled promise rejection'));
  process.on('uncaughtException', (err: Error) => {
    logger.fatal({ err }, 'uncaught exception, exiting');
    process.exit(1);
  });
}

async function main(): Promise<void> {
  installCrashHandlers();
  const config = readConfig();
  try {
    const { url } = await startRelay(config);
    logger.info({ url, database: config.database.kind, dataDir: config.dataDir }, `relay listening on ${url}`);
  } catch (err) {
    // The usual set-up mistakes get one plain sentence naming the setting to change.
    const hint = describeStartupError(err, config);
    if (!hint) throw err;
    process.stderr.write(`${hint}\n`);
    process.exit(1);
  }
}

// Run only as the entry point, so scripts/start.ts can import startRelay.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err: unknown) => {
    logger.fatal({ err }, 'relay failed to start');
    process.exit(1);
  });
}
