import { defineConfig } from 'drizzle-kit';

/** SQLite, the embedded default: `npm run db:generate` writes db/migrations/sqlite. */
export default defineConfig({
  dialect: 'sqlite',
  schema: './db/schema/sqlite.ts',
  out: './db/migrations/sqlite',
});
