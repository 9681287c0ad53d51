/**
 * The database engine: every query is awaited and runs on an `Executor`, either the
 * engine's reader (outside a transaction) or the `tx` that `writeTransaction` or
 * `readTransaction` hands out. Functions that must run inside a transaction take it as an
 * argument; nothing relies on one process-wide connection.
 *
 * On SQLite (better-sqlite3 12, synchronous) the engine keeps three kinds of connection:
 * - the writer, the only read-write connection, reached only through `writeTransaction`,
 *   which holds a per-process async lock around `BEGIN IMMEDIATE … COMMIT`, so no other
 *   statement interleaves with an open transaction while it awaits (other processes wait
 *   on SQLite's own lock, busy_timeout 5 s);
 * - the reader, a read-only connection that `getDb()` returns: it never sees an open
 *   transaction's uncommitted rows, and a stray write outside a transaction fails loudly
 *   (SQLITE_READONLY) instead of joining someone else's transaction;
 * - read transactions, on read-only connections leased from a small pool: one WAL
 *   snapshot across awaits (reports, sign-off hashes, the current document).
 *
 * Opened lazily on first use (so `next build` never creates or migrates a database), in
 * WAL mode with foreign keys on, migrated to the latest schema.
 */
import 'server-only';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';
import fs from 'node:fs';
import path from 'node:path';
import { PgEngine } from './pg-engine';
import * as schema from './schema/sqlite';
import { transactionScope, type TxState } from './scope';

/**
 * What every query runs on. Typed as an asynchronous database, so a query that is not
 * awaited is a type error wherever its result is used (and a lint error where it is not).
 */
export type Executor = BaseSQLiteDatabase<'async', unknown, typeof schema>;
/** The database outside a transaction (the engine's reader). */
export type Db = Executor;
/** A transaction's handle. */
export type Tx = Executor;
/** Queries accept either. */
export type DbOrTx = Executor;

/** The database file used when `DATABASE_PATH` is not set. */
export const DEFAULT_DATABASE_PATH = './data/factdesk.db';

/** A first-come, first-served async lock. */
class Lock {
  private tail: Promise<void> = Promise.resolve();
  acquire(): Promise<() => void> {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const before = this.tail;
    this.tail = before.then(() => held);
    return before.then(() => release);
  }
}

const current = transactionScope;

/** One SQLite database: its connections and its write lock. */
export class SqliteEngine {
  readonly dialect = 'sqlite' as const;
  /** Resolves at once: SQLite migrates when it opens. */
  readonly ready: Promise<void> = Promise.resolve();
  readonly file: string;
  /** The read-write connection (better-sqlite3), for SQLite-only tools and tests. */
  readonly sqlite: Database.Database;
  private readonly writer: Executor;
  private readonly readerClient: Database.Database;
  /** Reads outside a transaction. */
  readonly db: Executor;
  private readonly lock = new Lock();
  private readonly idle: Database.Database[] = [];
  private closed = false;

  constructor(file: string) {
    this.file = file;
    if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    this.sqlite = new Database(file);
    this.sqlite.pragma('journal_mode = WAL');
    this.sqlite.pragma('foreign_keys = ON');
    this.sqlite.pragma('synchronous = NORMAL');
    // Two processes on one file wait for each other instead of failing at once.
    this.sqlite.pragma('busy_timeout = 5000');
    this.writer = drizzle(this.sqlite, { schema }) as unknown as Executor;
    migrate(this.writer as never, { migrationsFolder: path.join(process.cwd(), 'db', 'migrations', 'sqlite') });
    // An in-memory database cannot be opened twice: there the writer also reads.
    this.readerClient = file === ':memory:' ? this.sqlite : this.openReader();
    this.db = drizzle(this.readerClient, { schema }) as unknown as Executor;
  }

  private openReader(): Database.Database {
    const reader = new Database(this.file, { readonly: true });
    reader.pragma('busy_timeout = 5000');
    return reader;
  }

  /**
   * Runs `fn` in one write transaction that takes SQLite's write lock at its start
   * (BEGIN IMMEDIATE), so a read-then-write inside it cannot race another process, and
   * holds this process's lock until it ends, so nothing else runs on the writer meanwhile.
   * Commits when `fn` resolves, rolls back when it throws. `afterCommit` hooks run after.
   */
  async transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    if (current.getStore()?.open) throw new Error('writeTransaction() inside a transaction: pass tx to the inner call instead');
    const release = await this.lock.acquire();
    const state: TxState = { hooks: [], open: true, dialect: 'sqlite' };
    let result: T;
    try {
      this.sqlite.exec('BEGIN IMMEDIATE');
      try {
        result = await current.run(state, () => fn(this.writer));
        this.sqlite.exec('COMMIT');
      } catch (e) {
        if (this.sqlite.inTransaction) this.sqlite.exec('ROLLBACK');
        throw e;
      }
    } finally {
      state.open = false;
      release();
    }
    for (const hook of state.hooks) hook();
    return result;
  }

  /** Runs `fn` with the writer while holding the write lock, outside a transaction (the sign-in limiter's own statements). */
  async serializeWrites<T>(fn: (client: Database.Database) => Promise<T> | T): Promise<T> {
    if (current.getStore()?.open) throw new Error('serializeWrites() inside a transaction');
    const release = await this.lock.acquire();
    try {
      return await fn(this.sqlite);
    } finally {
      release();
    }
  }

  /** Runs `fn` in one read transaction: every read sees the same committed snapshot, across awaits. */
  async readTransaction<T>(fn: (tx: Executor) => Promise<T>): Promise<T> {
    if (this.file === ':memory:') return fn(this.db);
    const client = this.idle.pop() ?? this.openReader();
    try {
      client.exec('BEGIN');
      try {
        return await fn(drizzleFor(client));
      } finally {
        if (client.inTransaction) client.exec('COMMIT');
      }
    } finally {
      if (this.closed) client.close();
      else this.idle.push(client);
    }
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const client of this.idle) client.close();
    this.idle.length = 0;
    if (this.readerClient !== this.sqlite) this.readerClient.close();
    this.sqlite.close();
  }
}

const drizzled = new WeakMap<Database.Database, Executor>();
function drizzleFor(client: Database.Database): Executor {
  let found = drizzled.get(client);
  if (!found) drizzled.set(client, (found = drizzle(client, { schema }) as unknown as Executor));
  return found;
}

/** Either engine: what the app's code may rely on. */
export type Engine = SqliteEngine | PgEngine;

/** Opens (creating if needed) and migrates the SQLite database at `file`. */
export function openEngine(file: string): SqliteEngine {
  return new SqliteEngine(file);
}

/** Whether a database address names PostgreSQL (postgres:// or postgresql://). */
export function isPostgresUrl(url: string | undefined): url is string {
  return /^postgres(ql)?:\/\//.test(url ?? '');
}

const globalForDb = globalThis as unknown as { factdeskEngine?: Engine; factdeskEngineKey?: string };

/**
 * The process's engine: PostgreSQL when `DATABASE_URL` is a postgres:// address, otherwise
 * SQLite at `DATABASE_PATH` (default ./data/factdesk.db).
 */
export function getEngine(): Engine {
  const url = process.env.DATABASE_URL;
  const key = isPostgresUrl(url) ? url : process.env.DATABASE_PATH || DEFAULT_DATABASE_PATH;
  if (!globalForDb.factdeskEngine || globalForDb.factdeskEngineKey !== key) {
    void globalForDb.factdeskEngine?.close();
    globalForDb.factdeskEngine = isPostgresUrl(url) ? new PgEngine(url) : openEngine(key);
    globalForDb.factdeskEngineKey = key;
  }
  return globalForDb.factdeskEngine;
}

/** Reads outside a transaction (never sees an open transaction's rows; writing through it fails). */
export function getDb(): Db {
  if (current.getStore()?.open) throw new Error('getDb() inside a transaction: pass its tx to the query instead');
  return getEngine().db;
}

/** See `Engine.transaction`. */
export function writeTransaction<T>(fn: (tx: Tx) => Promise<T>, engine: Engine = getEngine()): Promise<T> {
  return engine.transaction(fn);
}

/** See `Engine.readTransaction`. */
export function readTransaction<T>(fn: (tx: Executor) => Promise<T>, engine: Engine = getEngine()): Promise<T> {
  return engine.readTransaction(fn);
}

/**
 * Runs `hook` once the current write transaction has committed (at once outside one);
 * never after a rollback. For what others must only see once it is stored: live events.
 */
export function afterCommit(hook: () => void): void {
  const state = current.getStore();
  if (state?.open) state.hooks.push(hook);
  else hook();
}

/**
 * Locks a row for the rest of the transaction, before reading it to change it. On SQLite a
 * write transaction already excludes every other writer (BEGIN IMMEDIATE and the process's
 * lock), so this does nothing; on PostgreSQL (READ COMMITTED) it is `SELECT … FOR UPDATE`.
 */
export async function lockForUpdate(tx: Tx, table: { id: unknown }, id: string): Promise<void> {
  if (current.getStore()?.dialect !== 'postgresql') return;
  await exec(tx, sql`SELECT 1 FROM ${table} WHERE ${table.id as SQL} = ${id} FOR UPDATE`);
}

/**
 * Makes a job that reads rows and marks them taken run once at a time across processes, for
 * the rest of the transaction (the mailer: two servers must not both send an e-mail). On
 * PostgreSQL a transaction-level advisory lock (the next process waits, then sees the rows
 * marked); on SQLite nothing to do (BEGIN IMMEDIATE already excludes every other writer, in
 * every process).
 */
export async function lockJob(tx: Tx, name: string): Promise<void> {
  if (current.getStore()?.dialect !== 'postgresql') return;
  await exec(tx, sql`SELECT pg_advisory_xact_lock(hashtext(${`factdesk:${name}`}))`);
}

/** The first row, or undefined. */
export function first<T>(rows: T[]): T | undefined {
  return rows[0];
}

/** The one row a statement that must return one (an insert's `returning`) returned. */
export function only<T>(rows: T[]): T {
  if (rows.length === 0) throw new Error('expected a row, got none');
  return rows[0]!;
}

/** Which engine an executor belongs to (node-postgres executors have `execute`, SQLite's do not). */
export function dialectOf(ex: Executor): 'sqlite' | 'postgresql' {
  return typeof (ex as unknown as { execute?: unknown }).execute === 'function' ? 'postgresql' : 'sqlite';
}

type PgExecutor = { execute(query: SQL): Promise<{ rows: Record<string, unknown>[]; fields: { name: string; dataTypeID: number }[] }> };

/**
 * How raw rows' PostgreSQL values become what SQLite's would be in JavaScript: int8 and numeric
 * (count(*), sum()) as numbers, timestamps as Dates (drizzle hands raw SQL's timestamps over as
 * text, and its int8 as text; the query builder maps columns itself).
 */
const pgValue: Record<number, (v: string) => unknown> = {
  20: Number,
  1700: Number,
  1114: (v) => new Date(`${v.replace(' ', 'T')}Z`),
  1184: (v) => new Date(v.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00')),
};

/** Runs raw SQL that returns rows, on either engine. */
export async function rows<T>(ex: Executor, query: SQL): Promise<T[]> {
  if (dialectOf(ex) !== 'postgresql') return ex.all<T>(query);
  const result = await (ex as unknown as PgExecutor).execute(query);
  const convert = result.fields.filter((f) => pgValue[f.dataTypeID]).map((f) => [f.name, pgValue[f.dataTypeID]!] as const);
  if (convert.length) {
    for (const row of result.rows) for (const [name, parse] of convert) if (typeof row[name] === 'string') row[name] = parse(row[name]);
  }
  return result.rows as T[];
}

/**
 * PostgreSQL's counterpart of `cachedStatement`: runs `text` as a named prepared statement on
 * the executor's connection (parsed and planned once per connection, as SQLite's statements
 * are prepared once), for the few statements every keystroke runs. Values as node-postgres
 * gives them (int8 as numbers: the engine's type parsers). PostgreSQL executors only.
 */
export async function preparedRows<T>(ex: Executor, name: string, text: string, values: unknown[]): Promise<T[]> {
  const client = (ex as unknown as { $client: { query(q: { name: string; text: string; values: unknown[] }): Promise<{ rows: T[] }> } }).$client;
  return (await client.query({ name, text, values })).rows;
}

/** Runs raw SQL that returns nothing, on either engine. */
export async function exec(ex: Executor, query: SQL): Promise<void> {
  if (dialectOf(ex) === 'postgresql') await (ex as unknown as PgExecutor).execute(query);
  else await ex.run(query);
}

/** The text at `key` of a JSON object column: `json_extract` on SQLite, `->>` on PostgreSQL. */
export function jsonText(ex: Executor, column: SQL | AnyColumn, key: string): SQL {
  return dialectOf(ex) === 'postgresql' ? sql`(${column}->>${key}::text)` : sql`json_extract(${column}, ${`$.${key}`})`;
}

/** Whether a JSON array column holds `value` (as text). */
export function jsonArrayHas(ex: Executor, column: SQL | AnyColumn, value: string): SQL {
  return dialectOf(ex) === 'postgresql'
    ? sql`exists (select 1 from json_array_elements_text(${column}) as e(v) where e.v = ${value})`
    : sql`exists (select 1 from json_each(${column}) where value = ${value})`;
}

const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/**
 * A raw statement on the executor's connection, prepared once and reused. For the paths
 * that run on every keystroke (the step authority), where preparing and building queries
 * cost more than running them. SQLite only: the one place the authority speaks SQLite.
 */
export function cachedStatement(ex: Executor, sql: string): Database.Statement {
  const client = (ex as unknown as { $client: Database.Database }).$client;
  let byText = statements.get(client);
  if (!byText) statements.set(client, (byText = new Map()));
  let statement = byText.get(sql);
  if (!statement) byText.set(sql, (statement = client.prepare(sql)));
  return statement;
}
