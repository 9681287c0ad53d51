/**
 * Starts the built app (lib/cli/serve.ts) on a free port with a fresh temporary SQLite file,
 * seeded with the demo desk and a second workspace. Used by the API tests and Playwright.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { openEngine } from '@/db';
import { seedDemo } from '@/db/seed';
import { seedOtherWorkspace } from './fixtures';

export interface TestServer {
  baseUrl: string;
  dbPath: string;
  otherDocumentId: string;
  stop: () => Promise<void>;
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

/** Creates a temporary database seeded with the demo and "Other desk". */
export async function createSeededDatabase(options: { demoClaims?: boolean } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factdesk-test-'));
  const dbPath = path.join(dir, 'factdesk.db');
  const engine = openEngine(dbPath);
  process.env.FACTDESK_DEMO = '1';
  await seedDemo(engine, { claims: options.demoClaims });
  const other = await seedOtherWorkspace(engine);
  engine.close();
  return { dir, dbPath, other };
}

/** Starts Factdesk's server (lib/cli/serve.ts; the app must be built) with the given database; resolves when it answers. */
export function startNext(opts: { port: number; dbPath: string; env?: Record<string, string> }): Promise<ChildProcess> {
  const baseUrl = `http://127.0.0.1:${opts.port}`;
  // Node itself runs the server (tsx as its loader, no wrapper process): stopping it stops the server.
  const child = spawn(process.execPath, ['--import', 'tsx', path.join('lib', 'cli', 'serve.ts'), '-p', String(opts.port), '-H', '127.0.0.1'], {
    cwd: process.cwd(),
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_PATH: opts.dbPath,
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
export async function startTestServer(port?: number, env?: Record<string, string>, options: { demoClaims?: boolean } = {}): Promise<TestServer> {
  const { dir, dbPath, other } = await createSeededDatabase(options);
  const p = port ?? (await freePort());
  const child = await startNext({ port: p, dbPath, env });
  return {
    baseUrl: `http://127.0.0.1:${p}`,
    dbPath,
    otherDocumentId: other.documentId,
    stop: async () => {
      await stopProcess(child);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
