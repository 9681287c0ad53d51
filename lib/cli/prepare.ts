/**
 * Runs before the app starts: checks the environment, migrates the database and, with
 * --demo, writes a local session secret and seeds the demo workspace.
 *
 *   tsx lib/cli/prepare.ts --demo   # npm run demo / npm run dev
 *   tsx lib/cli/prepare.ts          # npm start (production): the secret must be set
 */
import { DEFAULT_DATABASE_PATH, isPostgresUrl, openEngine } from '@/db';
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from '@/db/seed';
import { indexMissingClaims } from '@/lib/claims/memory';
import { indexMissingText } from '@/lib/documents/search-index';
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
  if (isPostgresUrl(process.env.DATABASE_URL)) {
    console.error(
      'factdesk: DATABASE_URL names a PostgreSQL database, but Factdesk cannot run on PostgreSQL yet (search, claim memory\n' +
        '  and the step authority are SQLite-only; see docs/scale-out-plan.md). Unset DATABASE_URL to run on SQLite (DATABASE_PATH).',
    );
    process.exit(1);
  }
  const file = process.env.DATABASE_PATH || DEFAULT_DATABASE_PATH;
  const engine = openEngine(file);
  console.log(`factdesk: database ${file} is migrated`);
  if (demo) {
    process.env.FACTDESK_DEMO = '1';
    const { created } = await seedDemo(engine, { claims: true });
    if (created) {
      console.log(`factdesk: seeded the demo desk. Sign in with ${DEMO_USERS.map((u) => u.email).join(', ')} (password ${DEMO_PASSWORD})`);
    }
  }
  engine.close();
  // Documents from before the search index get their text indexed once.
  const indexed = await indexMissingText();
  if (indexed) console.log(`factdesk: indexed the text of ${indexed} documents for search`);
  const claims = await indexMissingClaims();
  if (claims) console.log(`factdesk: indexed ${claims} claims for the claim memory`);
}

main().catch((e) => {
  console.error(`factdesk: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
});
