/**
 * The PostgreSQL engine: the same contract as the SQLite engine in db/index.ts (an
 * `Executor` for reads, `transaction`, `readTransaction`, `afterCommit`, `lockForUpdate`)
 * over a node-postgres pool. Transactions run on a connection leased from the pool:
 * READ COMMITTED for writes (commands lock what they read-then-write with
 * `lockForUpdate`), REPEATABLE READ READ ONLY for read transactions (one snapshot).
 * Migrations (db/migrations/pg) run once per database under an advisory lock, so that N
 * processes starting together migrate it once.
 *
 * db/index.ts `getEngine()` opens it when `DATABASE_URL` is a postgres:// address.
 */
import 'server-only';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import path from 'node:path';
import pg from 'pg';
import * as pgSchema from './schema/pg';
import type { Executor, Tx } from './index';
import { transactionScope, type TxState } from './scope';

/** int8 (count(*), identity columns) as a JavaScript number, as on SQLite. */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => (oid === 20 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format))) as typeof pg.types.getTypeParser,
};

export class PgEngine {
  readonly dialect = 'postgresql' as const;
  readonly url: string;
  readonly pool: pg.Pool;
  /** Connections for reads outside a transaction, read-only: a stray write fails, as on SQLite. */
  private readonly readers: pg.Pool;
  /** Reads outside a transaction. */
  readonly db: Executor;
  /** Resolves once the database is migrated; every transaction waits for it. */
  readonly ready: Promise<void>;

  constructor(url: string, options: { max?: number } = {}) {
    this.url = url;
    this.pool = new pg.Pool({ connectionString: url, max: options.max ?? 10, types });
    this.readers = new pg.Pool({ connectionString: url, max: options.max ?? 10, types, options: '-c default_transaction_read_only=on' });
    this.db = drizzle(this.readers, { schema: pgSchema }) as unknown as Executor;
    this.ready = this.migrate();
    this.ready.catch(() => undefined); // reported by whoever awaits it
  }

  private async migrate(): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query(`SELECT pg_advisory_lock(hashtext('factdesk:migrate'))`);
      try {
        await migrate(drizzle(client), { migrationsFolder: path.join(process.cwd(), 'db', 'migrations', 'pg') });
      } finally {
        await client.query(`SELECT pg_advisory_unlock(hashtext('factdesk:migrate'))`);
      }
    } finally {
      client.release();
    }
  }

  /** One write transaction (READ COMMITTED) on a leased connection; commits when `fn` resolves. */
  async transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    if (transactionScope.getStore()?.open) throw new Error('writeTransaction() inside a transaction: pass tx to the inner call instead');
    return this.run('BEGIN', fn, true);
  }

  /** One read transaction: every read sees the same snapshot, across awaits. */
  async readTransaction<T>(fn: (tx: Executor) => Promise<T>): Promise<T> {
    return this.run('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY', fn, false);
  }

  /** Nothing to serialise on PostgreSQL: row locks do it. */
  async serializeWrites<T>(fn: () => Promise<T> | T): Promise<T> {
    return fn();
  }

  /** `write`: the transaction is the context's open one (afterCommit hooks, the nested-call guard), as on SQLite. */
  private async run<T>(begin: string, fn: (tx: Tx) => Promise<T>, write: boolean): Promise<T> {
    await this.ready;
    const client = await this.pool.connect();
    const state: TxState = { hooks: [], open: true, dialect: 'postgresql' };
    let result: T;
    try {
      await client.query(begin);
      try {
        const tx = drizzle(client, { schema: pgSchema }) as unknown as Tx;
        result = write ? await transactionScope.run(state, () => fn(tx)) : await fn(tx);
        await client.query('COMMIT');
      } catch (e) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw e;
      }
    } finally {
      state.open = false;
      client.release();
    }
    for (const hook of state.hooks) hook();
    return result;
  }

  /**
   * Sends a notification on `channel` to every process listening on this database (delivered
   * when the sending transaction commits; at once here, outside one). Payloads stay far below
   * PostgreSQL's 8,000-byte limit: ids and versions, never documents.
   */
  async notify(channel: string, payload: string): Promise<void> {
    await this.ready;
    await this.pool.query('SELECT pg_notify($1, $2)', [channel, payload]);
  }

  /**
   * Listens on `channel` on a connection of its own (application_name factdesk-listen),
   * reconnecting after a lost connection (1 s, doubling up to 30 s). `onConnect` runs each time
   * it (re)connects: whatever was sent while it was away has to be read from the tables.
   * Returns the function that stops listening.
   */
  listen(channel: string, onNotice: (payload: string) => void, onConnect: () => void): () => void {
    let stopped = false;
    let client: pg.Client | null = null;
    let delay = 1000;
    let timer: NodeJS.Timeout | undefined;
    const drop = (c: pg.Client | null) => {
      c?.removeAllListeners();
      c?.on('error', () => undefined);
      c?.end().catch(() => undefined);
    };
    const reconnect = (why: unknown) => {
      if (stopped) return;
      console.error(`[factdesk] lost the notification connection to PostgreSQL (${why instanceof Error ? why.message : String(why)}); reconnecting in ${delay / 1000} s`);
      drop(client);
      client = null;
      timer = setTimeout(connect, delay);
      timer.unref();
      delay = Math.min(delay * 2, 30_000);
    };
    const connect = () => {
      if (stopped) return;
      const c = new pg.Client({ connectionString: this.url, application_name: 'factdesk-listen', keepAlive: true });
      client = c;
      c.on('notification', (n) => {
        if (n.channel === channel && n.payload) onNotice(n.payload);
      });
      c.on('error', reconnect);
      c.on('end', () => {
        if (client === c) reconnect(new Error('connection ended'));
      });
      this.ready
        .then(() => c.connect())
        .then(() => c.query(`LISTEN ${pg.escapeIdentifier(channel)}`))
        .then(() => {
          if (stopped || client !== c) return;
          delay = 1000;
          onConnect();
        })
        .catch((e: unknown) => {
          if (client === c) reconnect(e);
        });
    };
    connect();
    const stop = () => {
      stopped = true;
      clearTimeout(timer);
      drop(client);
      client = null;
      this.stopListening.delete(stop);
    };
    this.stopListening.add(stop);
    return stop;
  }

  async close(): Promise<void> {
    this.stopListening.forEach((stop) => stop());
    await this.ready.catch(() => undefined);
    await Promise.all([this.pool.end(), this.readers.end()]);
  }

  /** Listeners to stop when the engine closes. */
  private readonly stopListening = new Set<() => void>();
}
