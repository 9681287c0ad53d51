/**
 * Starts the built app (lib/cli/serve.ts) on a free port with a fresh database, seeded with
 * the demo desk and a second workspace: a temporary SQLite file, or — given a PostgreSQL
 * cluster's address — a new database in that cluster. Used by the API tests, Playwright and
 * the benchmarks.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { isPostgresUrl, openEngine, type Engine } from '@/db';
import { PgEngine } from '@/db/pg-engine';
import { seedDemo } from '@/db/seed';
import { seedCorrectionDesk, seedOtherWorkspace } from './fixtures';

export interface TestServer {
  baseUrl: string;
  /** The SQLite file or the PostgreSQL database's address. */
  database: string;
  otherDocumentId: string;
  stop: () => Promise<void>;
}

/** Opens the engine of a test database (a SQLite file, or a postgres:// address), migrated. */
export async function openTestEngine(database: string): Promise<Engine> {
  if (!isPostgresUrl(database)) return openEngine(database);
  const engine = new PgEngine(database, { max: 4 });
  await engine.ready;
  return engine;
}

/** The environment that points the app at a test database. */
export function databaseEnv(database: string): Record<string, string> {
  return isPostgresUrl(database) ? { DATABASE_URL: database, DATABASE_PATH: '' } : { DATABASE_PATH: database, DATABASE_URL: '' };
}

/** A new, empty database in the PostgreSQL cluster at `clusterUrl`; returns its address. */
export async function createPostgresDatabase(clusterUrl: string): Promise<string> {
  const name = `factdesk_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: clusterUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  return clusterUrl.replace(/\/[^/]*$/, `/${name}`);
}

/** A TCP port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Creates a temporary database seeded with the demo and "Other desk": a SQLite file in a new
 * folder, or with `postgres` (a cluster's address) a new database there.
 */
export async function createSeededDatabase(options: { demoClaims?: boolean; postgres?: string } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factdesk-test-'));
  if (options.postgres) {
    // Seeded by a process that knows from its start it runs on PostgreSQL (tests/support/seed-database.ts).
    const database = await createPostgresDatabase(options.postgres);
    const out = execFileSync(process.execPath, ['--conditions=react-server', '--import', 'tsx', path.join('tests', 'support', 'seed-database.ts'), ...(options.demoClaims ? ['--demo-claims'] : [])], {
      cwd: process.cwd(),
      env: { ...process.env, ...databaseEnv(database), FACTDESK_DEMO: '1' },
      encoding: 'utf8',
    });
    return { dir, database, other: JSON.parse(out) as { workspaceId: string; userId: string; documentId: string } };
  }
  const database = path.join(dir, 'factdesk.db');
  const engine = await openTestEngine(database);
  process.env.FACTDESK_DEMO = '1';
  try {
    await seedDemo(engine, { claims: options.demoClaims });
    const other = await seedOtherWorkspace(engine);
    await seedCorrectionDesk(engine);
    return { dir, database, other };
  } finally {
    await engine.close();
  }
}

/** Starts Factdesk's server (lib/cli/serve.ts; the app must be built) with the given database; resolves when it answers. */
export function startNext(opts: { port: number; database: string; env?: Record<string, string> }): Promise<ChildProcess> {
  const baseUrl = `http://127.0.0.1:${opts.port}`;
  // Node itself runs the server (tsx as its loader, no wrapper process): stopping it stops the server.
  const child = spawn(process.execPath, ['--import', 'tsx', path.join('lib', 'cli', 'serve.ts'), '-p', String(opts.port), '-H', '127.0.0.1'], {
    cwd: process.cwd(),
    env: {
      ...process.env,
      NODE_ENV: 'production',
      ...databaseEnv(opts.database),
      NEXTAUTH_SECRET: 'factdesk-test-secret-not-for-production',
      NEXTAUTH_URL: baseUrl,
      FACTDESK_DEMO: '1',
      NEXT_TELEMETRY_DISABLED: '1',
      ...opts.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => {
    output += d;
    if (process.env.FACTDESK_TEST_VERBOSE) process.stderr.write(d);
  });
  return new Promise((resolve, reject) => {
    const deadline = Date.now() + 60_000;
    const poll = async () => {
      if (child.exitCode !== null) return reject(new Error(`the server exited with ${child.exitCode}:\n${output}`));
      try {
        const res = await fetch(`${baseUrl}/login`);
        if (res.ok) return resolve(child);
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) {
        child.kill('SIGKILL');
        return reject(new Error(`the server did not answer within 60 s:\n${output}`));
      }
      setTimeout(poll, 200);
    };
    void poll();
  });
}

/** Stops a child process and waits until it is gone. */
export function stopProcess(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}

/** A seeded database and a running app on a free port. */
export async function startTestServer(port?: number, env?: Record<string, string>, options: { demoClaims?: boolean; postgres?: string } = {}): Promise<TestServer> {
  const { dir, database, other } = await createSeededDatabase(options);
  const p = port ?? (await freePort());
  const child = await startNext({ port: p, database, env });
  return {
    baseUrl: `http://127.0.0.1:${p}`,
    database,
    otherDocumentId: other.documentId,
    stop: async () => {
      await stopProcess(child);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
