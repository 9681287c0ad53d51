/**
 * One data model, two engines: db/schema/sqlite.ts and db/schema/pg.ts describe the same
 * tables, columns (same names, the same JavaScript types, nullability and defaults), keys,
 * indexes and foreign keys; and the PostgreSQL migrations (db/migrations/pg) build exactly
 * those tables on a real PostgreSQL 15, with the audit log append-only as on SQLite.
 */
import { getTableColumns, is, sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { getTableConfig as pgConfig, PgTable } from 'drizzle-orm/pg-core';
import { getTableConfig as sqliteConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as pgSchema from '@/db/schema/pg';
import * as sqliteSchema from '@/db/schema/sqlite';
import { postgresAvailable, startPostgres, type PgCluster } from '../support/pg';

const sqliteTables = Object.values(sqliteSchema as Record<string, unknown>).filter((t): t is SQLiteTable => is(t, SQLiteTable));
const pgTables = Object.values(pgSchema as Record<string, unknown>).filter((t): t is PgTable => is(t, PgTable));

type Config = ReturnType<typeof sqliteConfig> | ReturnType<typeof pgConfig>;

/** What both engines must agree on, in engine-neutral terms. */
function shape(config: Config, table: SQLiteTable | PgTable) {
  const columns = Object.values(getTableColumns(table)).map((c) => ({
    name: c.name,
    js: c.dataType,
    enum: c.enumValues ?? null,
    notNull: c.notNull,
    default: c.hasDefault,
    primary: c.primary,
    unique: c.isUnique,
  }));
  return {
    name: config.name,
    columns: columns.sort((a, b) => a.name.localeCompare(b.name)),
    primaryKeys: config.primaryKeys.map((k) => k.columns.map((c) => c.name)),
    indexes: config.indexes
      .map((i) => ({ name: i.config.name, unique: !!i.config.unique, columns: i.config.columns.map((c) => ('name' in c ? c.name : String(c))) }))
      .sort((a, b) => String(a.name).localeCompare(String(b.name))),
    foreignKeys: config.foreignKeys
      .map((f) => {
        const r = f.reference();
        return { columns: r.columns.map((c) => c.name), table: (r.foreignTable as unknown as { [k: symbol]: string })[Symbol.for('drizzle:Name')], to: r.foreignColumns.map((c) => c.name), onDelete: f.onDelete ?? 'no action' };
      })
      .sort((a, b) => a.columns.join().localeCompare(b.columns.join())),
  };
}

describe('the SQLite and PostgreSQL schemas', () => {
  it('have the same tables', () => {
    expect(pgTables.map((t) => pgConfig(t).name).sort()).toEqual(sqliteTables.map((t) => sqliteConfig(t).name).sort());
    expect(sqliteTables.length).toBeGreaterThan(15);
  });

  for (const table of sqliteTables) {
    const name = sqliteConfig(table).name;
    it(`agree on ${name}: columns, JavaScript types, nullability, defaults, keys, indexes, foreign keys`, () => {
      const other = pgTables.find((t) => pgConfig(t).name === name)!;
      expect(shape(pgConfig(other), other)).toEqual(shape(sqliteConfig(table), table));
    });
  }
});

// In CI (.ci/run installs Debian's postgresql-15) this always runs; on a machine without
// PostgreSQL's server binaries it cannot.
const required = !!process.env.CI || process.env.FACTDESK_REQUIRE_PG === '1';
describe.skipIf(!required && !postgresAvailable())('the PostgreSQL migrations on PostgreSQL 15', () => {
  let cluster: PgCluster;
  let pool: pg.Pool;
  beforeAll(async () => {
    if (!postgresAvailable()) throw new Error('PostgreSQL 15 server binaries are missing (apt-get install postgresql-15), and CI needs them.');
    cluster = await startPostgres();
    pool = new pg.Pool({ connectionString: cluster.createDatabase('schema_test'), max: 2 });
    await migrate(drizzle(pool), { migrationsFolder: path.join(process.cwd(), 'db', 'migrations', 'pg') });
  }, 60_000);
  afterAll(async () => {
    await pool?.end();
    cluster?.stop();
  });

  it('create every table of the schema with its columns', async () => {
    const { rows } = await pool.query<{ table_name: string; column_name: string }>(
      `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, column_name`,
    );
    const tables = new Map<string, string[]>();
    for (const r of rows) tables.set(r.table_name, [...(tables.get(r.table_name) ?? []), r.column_name]);
    for (const table of pgTables) {
      const config = pgConfig(table);
      expect(tables.get(config.name), config.name).toEqual(config.columns.map((c) => c.name).sort());
    }
  });

  it('store and read back what the app writes, with the same JavaScript types as on SQLite', async () => {
    const db = drizzle(pool, { schema: pgSchema });
    const [user] = await db.insert(pgSchema.users).values({ email: 'pg@factdesk.test', name: 'Pia Postgres', passwordHash: 'x' }).returning();
    expect(user!.createdAt).toBeInstanceOf(Date);
    expect(user!.mustChangePassword).toBe(false);
    const [workspace] = await db.insert(pgSchema.workspaces).values({ name: 'PG desk', organisation: 'PG' }).returning();
    await db.insert(pgSchema.events).values({ workspaceId: workspace!.id, action: 'test', subjectType: 'user', subjectId: user!.id, after: { a: [1, 'ü'] } });
    const [event] = await db.select().from(pgSchema.events);
    expect(event!.id).toBe(1);
    expect(event!.after).toEqual({ a: [1, 'ü'] });
  });

  it('keep the audit log append-only: UPDATE, DELETE and TRUNCATE are refused', async () => {
    await expect(pool.query(`UPDATE events SET action = 'forged'`)).rejects.toThrow(/append-only/);
    await expect(pool.query('DELETE FROM events')).rejects.toThrow(/append-only/);
    await expect(pool.query('TRUNCATE events CASCADE')).rejects.toThrow(/append-only/);
    expect((await pool.query('SELECT count(*)::int AS n FROM events')).rows[0].n).toBe(1);
  });

  it('keep a search entry per document, with a full-text vector that finds the title before the text', async () => {
    await pool.query(`INSERT INTO documents_search (document_id, title, body) VALUES ('a', 'Raketen in Polen', 'Nichts'), ('b', 'Nichts', 'Raketen in Polen')`);
    const { rows } = await pool.query(`SELECT document_id FROM documents_search WHERE tsv @@ to_tsquery('simple', 'raketen & polen') ORDER BY ts_rank(tsv, to_tsquery('simple', 'raketen & polen')) DESC`);
    expect(rows.map((r) => r.document_id)).toEqual(['a', 'b']);
    // Accents and case do not matter (the `factdesk` configuration), as with FTS5's remove_diacritics.
    await pool.query(`INSERT INTO documents_search (document_id, title, body) VALUES ('c', 'Rüstung', 'ÉTUDE')`);
    const found = await pool.query(`SELECT document_id FROM documents_search WHERE tsv @@ to_tsquery('factdesk', 'rustung & etude')`);
    expect(found.rows.map((r) => r.document_id)).toEqual(['c']);
  });

  it('count how many claims hold each stem, as claims come and go', async () => {
    const vocab = async () => Object.fromEntries((await pool.query('SELECT term, doc FROM claims_search_vocab ORDER BY term')).rows.map((r) => [r.term, r.doc]));
    await pool.query(`INSERT INTO claims_search (claim_id, workspace_id, stems) VALUES ('1', 'w', 'rakete polen mk-41'), ('2', 'w', 'rakete russland')`);
    expect(await vocab()).toEqual({ rakete: 2, polen: 1, 'mk-41': 1, russland: 1 });
    await pool.query(`UPDATE claims_search SET stems = 'rakete moskau' WHERE claim_id = '1'`);
    await pool.query(`DELETE FROM claims_search WHERE claim_id = '2'`);
    expect(await vocab()).toEqual({ rakete: 1, moskau: 1 });
  });

  it('run again on a migrated database without changing anything', async () => {
    await migrate(drizzle(pool), { migrationsFolder: path.join(process.cwd(), 'db', 'migrations', 'pg') });
    const n = await drizzle(pool).execute(sql`SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations`);
    const journal = JSON.parse(fs.readFileSync(path.join(process.cwd(), 'db', 'migrations', 'pg', 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] };
    expect(n.rows[0]).toEqual({ n: journal.entries.length });
  });
});
