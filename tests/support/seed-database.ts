/**
 * Seeds the database that DATABASE_URL (PostgreSQL) or DATABASE_PATH (SQLite) names with the
 * demo desk and "Other desk", in a process of its own: which tables db/schema exports is
 * decided when it is first imported, so a PostgreSQL database is seeded where DATABASE_URL was
 * set from the start (tests/support/test-server.ts runs this). Prints the ids as JSON.
 *
 *   DATABASE_URL=postgres://… node --conditions=react-server --import tsx tests/support/seed-database.ts [--demo-claims]
 */
import { getEngine } from '@/db';
import { seedDemo } from '@/db/seed';
import { seedCorrectionDesk, seedOtherWorkspace } from './fixtures';

async function main() {
  const engine = getEngine();
  await engine.ready;
  process.env.FACTDESK_DEMO = '1';
  await seedDemo(engine, { claims: process.argv.includes('--demo-claims') });
  const other = await seedOtherWorkspace(engine);
  await seedCorrectionDesk(engine);
  await engine.close();
  process.stdout.write(JSON.stringify(other));
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
