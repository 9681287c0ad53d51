/**
 * Copies a desk from SQLite to PostgreSQL with nothing lost (`npm run db:copy`, lib/cli/copy.ts).
 *
 * The source file is opened read-only and read in one snapshot; the target is migrated
 * (db/migrations/pg) and must be empty. Every table of the data model (the drizzle tables of
 * db/schema/sqlite.ts and db/schema/pg.ts, matched by name, in foreign-key order) is read
 * through SQLite's drizzle tables and written through PostgreSQL's, so each column is converted
 * by its own type (times, booleans, JSON). The search entries (documents_search, claims_search,
 * claims_text: not drizzle tables; claims_search_vocab is kept by a trigger) are copied as they
 * are, the documents' text then recomputed from their content (the source's may lag behind the
 * last edits: the app indexes text a moment after typing pauses). All of it in one PostgreSQL transaction, which commits only when every table holds as
 * many rows as in the source and every signed-off document's hash, recomputed on the target,
 * equals the hash its sign-off stored.
 *
 * The sign-off hash is the app's own (lib/workflow/hash.ts), whose queries use the tables
 * db/schema/index.ts picked when first imported: this module must be imported in a process
 * whose DATABASE_URL already names the target (lib/cli/copy.ts sees to that).
 */
import Database from 'better-sqlite3';
import { count, getTableColumns, getTableName, is, sql } from 'drizzle-orm';
import { drizzle as drizzleSqlite } from 'drizzle-orm/better-sqlite3';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { getTableConfig as pgTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { SQLiteTable } from 'drizzle-orm/sqlite-core';
import fs from 'node:fs';
import path from 'node:path';
import { getSignoffsByDocumentId } from './queries/signoffs';
import { getDocumentCollabState, setSearchText } from './queries/documents';
import { getEngine, type Executor } from './index';
import { PgEngine } from './pg-engine';
import { redactUrl } from './redact-url';
import * as pgSchema from './schema/pg';
import * as sqliteSchema from './schema/sqlite';
import { onPostgres } from './schema';
import { documentHash } from '@/lib/workflow/hash';
import { textOf } from '@/lib/claims/anchor';
import { evictDocument, loadCurrent } from '@/lib/collab/authority';
import { verifySignoff } from '@/lib/workflow/commands';
import { indexMissingText } from '@/lib/documents/search-index';
import { indexMissingClaims } from '@/lib/claims/memory';

/** A copy that was refused or failed its checks: the message says why; nothing was written unless it says so. */
export class CopyError extends Error {}

/** One table of the data model on both engines. */
export interface CopiedTable {
  name: string;
  sqlite: SQLiteTable;
  pg: PgTable;
}

/** The search entries: (table, columns, the source query that reads them). Live rows only, as the app keeps them. */
const SEARCH_TABLES: { name: string; columns: string[]; from: string }[] = [
  {
    name: 'documents_search',
    columns: ['document_id', 'title', 'body'],
    from: 'documents_search s WHERE s.document_id IN (SELECT id FROM documents)',
  },
  {
    name: 'claims_search',
    columns: ['claim_id', 'workspace_id', 'stems'],
    from: 'claims_search s WHERE s.claim_id IN (SELECT id FROM claims)',
  },
  {
    name: 'claims_text',
    columns: ['claim_id', 'workspace_id', 'statement', 'quote', 'rationale', 'tags', 'sources'],
    from: 'claims_text s WHERE s.claim_id IN (SELECT id FROM claims)',
  },
];

/**
 * The tables of the data model, each on both engines, in foreign-key order (a table after
 * every table it references), computed from the PostgreSQL tables' foreign keys.
 */
export function copiedTables(): CopiedTable[] {
  const pgTables = new Map<string, PgTable>();
  for (const value of Object.values(pgSchema)) if (is(value, PgTable)) pgTables.set(getTableName(value), value);
  const sqliteTables = new Map<string, SQLiteTable>();
  for (const value of Object.values(sqliteSchema)) if (is(value, SQLiteTable)) sqliteTables.set(getTableName(value), value);
  const names = [...pgTables.keys()].sort();
  const other = [...sqliteTables.keys()].sort();
  if (names.join() !== other.join()) throw new Error(`db/schema/sqlite.ts and db/schema/pg.ts describe different tables: ${other.join(', ')} / ${names.join(', ')}`);
  for (const name of names) {
    const a = Object.keys(getTableColumns(sqliteTables.get(name)!)).sort().join();
    const b = Object.keys(getTableColumns(pgTables.get(name)!)).sort().join();
    if (a !== b) throw new Error(`the table ${name} has different columns on SQLite (${a}) and PostgreSQL (${b})`);
  }
  const ordered: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (name: string) => {
    if (state.get(name) === 'done') return;
    if (state.get(name) === 'visiting') throw new Error(`the foreign keys of ${name} form a cycle`);
    state.set(name, 'visiting');
    for (const fk of pgTableConfig(pgTables.get(name)!).foreignKeys) {
      const target = getTableName(fk.reference().foreignTable);
      if (target !== name) visit(target);
    }
    state.set(name, 'done');
    ordered.push(name);
  };
  names.forEach(visit);
  return ordered.map((name) => ({ name, sqlite: sqliteTables.get(name)!, pg: pgTables.get(name)! }));
}

export interface CopyReport {
  /** Rows copied per table, in the order they were copied (the data model, then the search entries). */
  tables: { name: string; rows: number }[];
  /** Documents whose latest sign-off verifies on the target (lib/workflow/commands.ts verifySignoff). */
  signoffsVerified: number;
  /** Entries the app's indexers added after the copy (what the source's index lacked). */
  indexed: { texts: number; claims: number };
  ms: number;
}

/** Opens the source read-only, and checks that it is a Factdesk database at the latest schema. */
function openSource(file: string): Database.Database {
  if (!fs.existsSync(file)) throw new CopyError(`the source database ${file} does not exist`);
  if (!fs.statSync(file).isFile()) throw new CopyError(`the source database ${file} is not a file`);
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    db.pragma('busy_timeout = 5000');
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (e) {
    throw new CopyError(`the source ${file} is not a SQLite database (${e instanceof Error ? e.message : e})`);
  }
  const journal = JSON.parse(fs.readFileSync(path.join(process.cwd(), 'db', 'migrations', 'sqlite', 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] };
  const hasLog = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'`).get();
  if (!hasLog) {
    db.close();
    throw new CopyError(`the source ${file} is not a Factdesk database (it has no migration log)`);
  }
  const applied = (db.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number }).n;
  if (applied !== journal.entries.length) {
    db.close();
    throw new CopyError(
      `the source ${file} is at schema ${applied} of ${journal.entries.length}: start this version of Factdesk on it once (DATABASE_PATH=${file} npm start) so that it is migrated, then copy it`,
    );
  }
  return db;
}

type PgTx = NodePgDatabase<typeof pgSchema>;

async function pgCount(tx: PgTx, table: PgTable | string): Promise<number> {
  if (typeof table === 'string') {
    const result = await tx.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)}`);
    return Number(result.rows[0]!.n);
  }
  const [row] = await tx.select({ n: count() }).from(table);
  return Number(row!.n);
}

/**
 * Copies the SQLite desk at `from` into the empty PostgreSQL database at `to` (see the top of
 * this file). The process's DATABASE_URL must be `to`, set before this module was imported.
 * Throws CopyError when refused or when a check fails (then nothing is written). Closes the
 * process's engine (getEngine()) when done: a command's last use of it.
 */
export async function copyDatabase(options: { from: string; to: string; batchSize?: number; log?: (line: string) => void }): Promise<CopyReport> {
  const { from, to } = options;
  const batchSize = options.batchSize ?? 500;
  const log = options.log ?? (() => undefined);
  const started = performance.now();
  if (!onPostgres || process.env.DATABASE_URL !== to) {
    throw new Error('db/copy.ts runs in a process whose DATABASE_URL names the target, set before it was imported (lib/cli/copy.ts)');
  }
  const tables = copiedTables();
  const source = openSource(from);
  const sqliteDb = drizzleSqlite(source, { schema: sqliteSchema });
  const engine = getEngine();
  if (!(engine instanceof PgEngine)) throw new Error('the target engine is not PostgreSQL');
  try {
    try {
      await engine.ready;
    } catch (e) {
      throw new CopyError(`cannot open or migrate the target ${redactUrl(to)}: ${e instanceof Error ? e.message : e}`);
    }
    // One snapshot of the source for the whole copy, even if the app is writing to it meanwhile.
    source.exec('BEGIN');
    const copied: { name: string; rows: number }[] = [];
    await engine.transaction(async (executor: Executor) => {
      const tx = executor as unknown as PgTx;
      // Two copies into one database at once: the second waits, then finds it not empty.
      await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('factdesk:copy'))`);
      const occupied: string[] = [];
      for (const t of tables) {
        const n = await pgCount(tx, t.pg);
        if (n) occupied.push(`${t.name}: ${n}`);
      }
      if (occupied.length) throw new CopyError(`the target database is not empty (${occupied.join(', ')} rows); copy into a new, empty database`);

      for (const t of tables) {
        const columns = getTableColumns(t.sqlite);
        const identity = Object.values(getTableColumns(t.pg)).filter((c) => c.generatedIdentity);
        let last: number | null = null;
        let n = 0;
        for (;;) {
          const batch = sqliteDb
            .select({ ...columns, copyRowid: sql<number>`rowid` })
            .from(t.sqlite)
            .where(last === null ? undefined : sql`rowid > ${last}`)
            .orderBy(sql`rowid`)
            .limit(batchSize)
            .all() as (Record<string, unknown> & { copyRowid: number })[];
          if (!batch.length) break;
          last = batch[batch.length - 1]!.copyRowid;
          const values = batch.map((row) => {
            const { copyRowid, ...rest } = row;
            void copyRowid;
            return rest;
          });
          const insert = identity.length ? tx.insert(t.pg).overridingSystemValue() : tx.insert(t.pg);
          await insert.values(values as never);
          n += batch.length;
        }
        // New rows continue after the copied ids.
        for (const column of identity) {
          await tx.execute(
            sql`SELECT setval(pg_get_serial_sequence(${t.name}, ${column.name}), max(${sql.identifier(column.name)})) FROM ${sql.identifier(t.name)} HAVING max(${sql.identifier(column.name)}) IS NOT NULL`,
          );
        }
        copied.push({ name: t.name, rows: n });
      }

      for (const s of SEARCH_TABLES) {
        const read = source.prepare(`SELECT ${s.columns.map((c) => `s.${c}`).join(', ')} FROM ${s.from}`).raw();
        let batch: unknown[][] = [];
        let n = 0;
        const flush = async () => {
          if (!batch.length) return;
          const values = sql.join(
            batch.map((row) => sql`(${sql.join(row.map((v) => sql`${v ?? ''}`), sql`, `)})`),
            sql`, `,
          );
          await tx.execute(sql`INSERT INTO ${sql.identifier(s.name)} (${sql.join(s.columns.map((c) => sql.identifier(c)), sql`, `)}) VALUES ${values}`);
          n += batch.length;
          batch = [];
        };
        for (const row of read.iterate() as Iterable<unknown[]>) {
          batch.push(row);
          if (batch.length >= batchSize) await flush();
        }
        await flush();
        copied.push({ name: s.name, rows: n });
      }

      // The documents' search text afresh from their content: the old server indexes text a moment
      // after edits, so the source's may lag behind the last ones.
      for (const { id } of (await tx.execute<{ id: string }>(sql`SELECT document_id AS id FROM documents_search ORDER BY document_id`)).rows) {
        const state = await getDocumentCollabState(id, executor);
        if (!state) continue;
        evictDocument(id);
        const doc = await loadCurrent(id, state.version, executor);
        await setSearchText(id, textOf(doc, 0, doc.content.size), executor);
        evictDocument(id);
      }

      // Every table holds what the source holds.
      const differ: string[] = [];
      for (const t of tables) {
        const expected = (source.prepare(`SELECT count(*) AS n FROM "${t.name}"`).get() as { n: number }).n;
        const got = await pgCount(tx, t.pg);
        if (expected !== got) differ.push(`${t.name}: ${expected} in the source, ${got} in the target`);
      }
      for (const s of SEARCH_TABLES) {
        const expected = (source.prepare(`SELECT count(*) AS n FROM ${s.from}`).get() as { n: number }).n;
        const got = await pgCount(tx, s.name);
        if (expected !== got) differ.push(`${s.name}: ${expected} in the source, ${got} in the target`);
      }
      if (differ.length) throw new CopyError(`the row counts differ, nothing was written: ${differ.join('; ')}`);

      // Every signed-off document verifies on the target before anything is committed.
      const mismatched: string[] = [];
      for (const id of await signedOffDocuments(executor)) {
        const latest = (await getSignoffsByDocumentId(id, executor))[0];
        if (!latest || (await documentHash(id, executor, true)) !== latest.hash) mismatched.push(id);
      }
      if (mismatched.length) {
        throw new CopyError(`${mismatched.length} signed-off documents would not verify on the target (their hash differs from their sign-off), nothing was written: ${mismatched.join(', ')}`);
      }
      log(`factdesk: copied ${copied.reduce((a, t) => a + t.rows, 0)} rows in one transaction; committing`);
    });

    // After the commit, as the app sees it: the sign-offs verify, and the search indexes are complete.
    let signoffsVerified = 0;
    const failed: string[] = [];
    for (const id of await signedOffDocuments(engine.db)) {
      if ((await verifySignoff(id)).matches) signoffsVerified++;
      else failed.push(id);
    }
    if (failed.length) throw new CopyError(`the copy is committed, but ${failed.length} signed-off documents do not verify on the target: ${failed.join(', ')}`);
    const texts = await indexMissingText();
    const claims = await indexMissingClaims();
    return { tables: copied, signoffsVerified, indexed: { texts, claims }, ms: Math.round(performance.now() - started) };
  } finally {
    if (source.inTransaction) source.exec('COMMIT');
    source.close();
    await engine.close();
  }
}

/** Ids of the documents signed off now (their latest sign-off stands). */
async function signedOffDocuments(db: Executor): Promise<string[]> {
  const { documents } = pgSchema;
  const rows = await (db as unknown as PgTx).select({ id: documents.id }).from(documents).where(sql`${documents.status} = 'signed_off'`).orderBy(documents.id);
  return rows.map((r) => r.id);
}

/** The report as lines of a table: table, rows. */
export function formatReport(report: CopyReport): string {
  const width = Math.max(...report.tables.map((t) => t.name.length), 'table'.length);
  const lines = [`${'table'.padEnd(width)}  rows`, `${'-'.repeat(width)}  ----`];
  for (const t of report.tables) lines.push(`${t.name.padEnd(width)}  ${t.rows}`);
  return lines.join('\n');
}
