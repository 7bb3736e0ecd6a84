/**
 * The ledger check as the test run calls it: `npm run ledger:check` (the real command, in its own
 * process) against a suite's database, after the suite moved money through it.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { createClient } from '@libsql/client';
import mysql from 'mysql2/promise';
import type { DatabaseConfig } from '../../relay-server/src/storage/index.js';

const repoRoot = path.resolve(import.meta.dirname, '../..');

export interface LedgerCheckRun {
  code: number;
  output: string;
}

/** Runs `npm run ledger:check` with DATABASE_URL set to `database`. */
export function runLedgerCheck(database: DatabaseConfig): Promise<LedgerCheckRun> {
  return new Promise((resolve) => {
    execFile(
      'npm',
      ['run', '--silent', 'ledger:check'],
      { cwd: repoRoot, env: { ...process.env, DATABASE_URL: database.url, LOG_LEVEL: 'silent' }, timeout: 60_000 },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
        resolve({ code, output: `${stdout}${stderr}` });
      },
    );
  });
}

/** Writes one SQL statement behind the relay's back (tests of the check itself corrupt a balance so). */
export async function executeRaw(database: DatabaseConfig, statement: string): Promise<void> {
  if (database.kind === 'sqlite') {
    const client = createClient({ url: database.url });
    try {
      await client.execute(statement);
    } finally {
      client.close();
    }
    return;
  }
  const connection = await mysql.createConnection({ uri: database.url });
  try {
    await connection.query(statement);
  } finally {
    await connection.end();
  }
}
