/** A throw-away MariaDB/MySQL database for one benchmark run (the relay creates and migrates it on start). */
import { randomBytes } from 'node:crypto';
import mysql from 'mysql2/promise';

const MYSQL_SERVER = (process.env.TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306').replace(/\/+$/, '');

export interface BenchDatabase {
  name: string;
  /** DATABASE_URL for the relay and for createStorage. */
  url: string;
  drop(): Promise<void>;
}

/** A new database name, `<prefix>_<random>`, so runs never share rows. */
export function benchDatabase(prefix: string): BenchDatabase {
  const name = `${prefix}_${randomBytes(5).toString('hex')}`;
  return {
    name,
    url: `${MYSQL_SERVER}/${name}`,
    async drop() {
      const server = await mysql.createConnection({ uri: MYSQL_SERVER });
      await server.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await server.end();
    },
  };
}
