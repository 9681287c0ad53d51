/**
 * Runs before the app starts: checks the environment, migrates the database and, with
 * --demo, writes a local session secret and seeds the demo workspace.
 *
 *   tsx lib/cli/prepare.ts --demo   # npm run demo / npm run dev
 *   tsx lib/cli/prepare.ts          # npm start (production): the secret must be set
 *
 * The database is PostgreSQL when DATABASE_URL is a postgres:// address (migrated under an
 * advisory lock, so that several servers starting together migrate it once), otherwise the
 * SQLite file at DATABASE_PATH.
 */
import { ensureLocalSecret, loadEnv } from './env-file';

async function main() {
  const demo = process.argv.includes('--demo');
  loadEnv(demo);
  if (demo) {
    ensureLocalSecret(process.env.PORT || '3000');
  } else if (!process.env.NEXTAUTH_SECRET) {
    console.error(
      'factdesk: NEXTAUTH_SECRET is not set. Set it to a long random string before starting in production,\n' +
        '  for example: export NEXTAUTH_SECRET="$(openssl rand -base64 32)"',
    );
    process.exit(1);
  }
  // Imported only now: db/schema picks its tables from DATABASE_URL when first imported, and
  // DATABASE_URL may come from the .env files loadEnv just read.
  const { DEFAULT_DATABASE_PATH, getEngine, isPostgresUrl, openEngine } = await import('@/db');
  const { PgEngine } = await import('@/db/pg-engine');
  const { redactUrl } = await import('@/db/redact-url');
  const { DEMO_PASSWORD, DEMO_USERS, seedDemo } = await import('@/db/seed');
  const { indexMissingClaims } = await import('@/lib/claims/memory');
  const { indexMissingText } = await import('@/lib/documents/search-index');

  const url = process.env.DATABASE_URL;
  const file = process.env.DATABASE_PATH || DEFAULT_DATABASE_PATH;
  const engine = isPostgresUrl(url) ? new PgEngine(url, { max: 2 }) : openEngine(file);
  try {
    await engine.ready;
    console.log(`factdesk: database ${isPostgresUrl(url) ? redactUrl(url) : file} is migrated`);
    if (demo) {
      process.env.FACTDESK_DEMO = '1';
      const { created } = await seedDemo(engine, { claims: true });
      if (created) {
        console.log(`factdesk: seeded the demo desk. Sign in with ${DEMO_USERS.map((u) => u.email).join(', ')} (password ${DEMO_PASSWORD})`);
      }
    }
  } finally {
    await engine.close();
  }
  // Documents from before the search index get their text indexed once (on the process's engine).
  const indexed = await indexMissingText();
  if (indexed) console.log(`factdesk: indexed the text of ${indexed} documents for search`);
  const claims = await indexMissingClaims();
  if (claims) console.log(`factdesk: indexed ${claims} claims for the claim memory`);
  await getEngine().close();
}

main().catch((e) => {
  console.error(`factdesk: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
});
