/**
 * The database connection. Opened lazily on first use (so `next build` never creates or
 * migrates a database), in WAL mode with foreign keys on, migrated to the latest schema.
 */
import 'server-only';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import fs from 'node:fs';
import path from 'node:path';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };
/** A transaction handle; queries accept either the database or a transaction. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

/** The database file used when `DATABASE_PATH` is not set. */
export const DEFAULT_DATABASE_PATH = './data/factdesk.db';

const globalForDb = globalThis as unknown as { factdeskDb?: Db; factdeskDbPath?: string };

/**
 * Opens (creating if needed) and migrates the SQLite database at `file`.
 */
export function openDatabase(file: string): Db {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('synchronous = NORMAL');
  // Two processes on one file wait for each other instead of failing at once.
  sqlite.pragma('busy_timeout = 5000');
  const db = drizzle(sqlite, { schema }) as Db;
  migrate(db, { migrationsFolder: path.join(process.cwd(), 'db', 'migrations') });
  return db;
}

/** The process-wide database at `DATABASE_PATH` (default ./data/factdesk.db). */
export function getDb(): Db {
  const file = process.env.DATABASE_PATH || DEFAULT_DATABASE_PATH;
  if (!globalForDb.factdeskDb || globalForDb.factdeskDbPath !== file) {
    globalForDb.factdeskDb?.$client.close();
    globalForDb.factdeskDb = openDatabase(file);
    globalForDb.factdeskDbPath = file;
  }
  return globalForDb.factdeskDb;
}

/**
 * Runs `fn` in one SQLite transaction that takes the write lock at its start
 * (BEGIN IMMEDIATE), so a read-then-write inside it cannot race another process.
 */
export function writeTransaction<T>(fn: (tx: Tx) => T, db: Db = getDb()): T {
  return db.transaction(fn, { behavior: 'immediate' });
}

const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/**
 * A prepared statement on the process's connection, prepared once and reused. For the
 * paths that run on every keystroke (the step authority), where preparing and building
 * queries cost more than running them.
 */
export function cachedStatement(sql: string): Database.Statement {
  const client = getDb().$client;
  let byText = statements.get(client);
  if (!byText) statements.set(client, (byText = new Map()));
  let statement = byText.get(sql);
  if (!statement) byText.set(sql, (statement = client.prepare(sql)));
  return statement;
}
