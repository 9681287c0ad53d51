/**
 * Copies a desk from SQLite to a new, empty PostgreSQL database (db/copy.ts says how and what
 * it checks).
 *
 *   npm run db:copy -- --from ./data/factdesk.db --to postgres://user:password@host/factdesk
 *
 * Exit codes: 0 copied and verified; 1 refused or failed (the message says why; nothing was
 * written unless it says so); 2 wrong arguments.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { redactUrl } from '@/db/redact-url';

const USAGE = 'usage: npm run db:copy -- --from <sqlite file> --to <postgres://user:password@host:port/database>';

function fail(message: string, code: number): never {
  console.error(`factdesk: ${message}`);
  if (code === 2) console.error(USAGE);
  process.exit(code);
}

async function main() {
  let values: { from?: string; to?: string; help?: boolean };
  try {
    ({ values } = parseArgs({ options: { from: { type: 'string' }, to: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, allowPositionals: false }));
  } catch (e) {
    fail(e instanceof Error ? e.message : String(e), 2);
  }
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (!values.from) fail('--from is missing: the SQLite database file to copy', 2);
  if (!values.to) fail('--to is missing: the address of the empty PostgreSQL database to copy into', 2);
  if (!/^postgres(ql)?:\/\//.test(values.to)) fail(`--to must be a postgres:// address, not ${values.to}`, 2);
  const from = path.resolve(values.from);

  // The app's queries (the sign-off hash, the search indexers) use the tables db/schema picks
  // from DATABASE_URL when first imported: the target's, from here on.
  process.env.DATABASE_URL = values.to;
  delete process.env.DATABASE_PATH;
  const { CopyError, copyDatabase, formatReport } = await import('@/db/copy');
  console.log(`factdesk: copying ${from} to ${redactUrl(values.to)}`);
  try {
    const report = await copyDatabase({ from, to: values.to, log: (line) => console.log(line) });
    console.log(formatReport(report));
    if (report.indexed.texts || report.indexed.claims) {
      console.log(`factdesk: indexed the text of ${report.indexed.texts} documents and ${report.indexed.claims} claims the source's search index lacked`);
    }
    console.log(`factdesk: ${report.signoffsVerified} signed-off documents verified`);
    console.log(`factdesk: copied in ${(report.ms / 1000).toFixed(1)} s`);
  } catch (e) {
    if (e instanceof CopyError) fail(e.message, 1);
    throw e;
  }
}

main().catch((e) => {
  console.error(`factdesk: the copy failed: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
});
