/**
 * `npm run load -- --url <relay> --viewers N --chatters M --rate R --duration S [--media whep]`: synthetic
 * viewers and chatters (and WHEP subscribers) against a running relay, live figures on stderr, the JSON
 * summary on stdout. Needs the relay's operator token (README "Load testing").
 */
import { parseLoadArgs } from './options.js';
import { RelayRefused } from './relay.js';
import { runLoad } from './run.js';

async function main(): Promise<number> {
  let options;
  try {
    options = parseLoadArgs(process.argv.slice(2), process.env);
  } catch (err) {
    console.error(`npm run load: cannot start:\n${err instanceof Error ? err.message : String(err)}`);
    return 2;
  }
  try {
    const summary = await runLoad(options);
    console.log(JSON.stringify(summary, null, 2));
    return 0;
  } catch (err) {
    if (err instanceof RelayRefused && (err.status === 401 || err.status === 404) && err.message.toLowerCase().includes('operator')) {
      console.error(`npm run load: the relay refused the operator token: ${err.message}`);
      return 2;
    }
    console.error('npm run load failed:', err instanceof Error ? err.message : err);
    return 1;
  }
}

process.exitCode = await main();
// Open handles (werift's sockets) must not keep a finished run alive.
setTimeout(() => process.exit(process.exitCode ?? 0), 500).unref();
