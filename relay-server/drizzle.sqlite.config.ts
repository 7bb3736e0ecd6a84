import { defineConfig } from 'drizzle-kit';

/** `npm run db:generate` writes SQLite migrations from the schema; no database connection needed. */
export default defineConfig({
  dialect: 'sqlite',
  schema: './relay-server/src/storage/sqlite/schema.ts',
  out: './relay-server/drizzle/sqlite',
  breakpoints: true,
});
