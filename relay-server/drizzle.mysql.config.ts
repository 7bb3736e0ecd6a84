import { defineConfig } from 'drizzle-kit';

/** `npm run db:generate` writes MySQL/MariaDB migrations from the schema; no database connection needed. */
export default defineConfig({
  dialect: 'mysql',
  schema: './relay-server/src/storage/mysql/schema.ts',
  out: './relay-server/drizzle/mysql',
  breakpoints: true,
});
