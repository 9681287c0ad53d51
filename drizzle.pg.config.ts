import { defineConfig } from 'drizzle-kit';

/** PostgreSQL: `npm run db:generate` writes db/migrations/pg. */
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema/pg.ts',
  out: './db/migrations/pg',
});
