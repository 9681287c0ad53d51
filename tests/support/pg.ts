/**
 * A throwaway PostgreSQL cluster for tests: `initdb` in a temporary folder (as the
 * `postgres` user when the tests run as root: PostgreSQL refuses to run as root), started
 * with `pg_ctl` on a free loopback port with its socket in that folder, trust
 * authentication, no fsync; stopped and removed by `stop()`. The server binaries come from
 * Debian's postgresql-15 package (PG_BIN overrides where they are).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './test-server';

export const PG_BIN = process.env.PG_BIN || '/usr/lib/postgresql/15/bin';

export interface PgCluster {
  /** postgres://factdesk@127.0.0.1:<port>/postgres */
  url: string;
  port: number;
  /** A URL of a new, empty database in this cluster. */
  createDatabase(name: string): string;
  stop(): void;
}

/** Whether PostgreSQL's server binaries are installed here. */
export function postgresAvailable(): boolean {
  return fs.existsSync(path.join(PG_BIN, 'initdb')) && fs.existsSync(path.join(PG_BIN, 'pg_ctl'));
}

export async function startPostgres(): Promise<PgCluster> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factdesk-pg-'));
  const data = path.join(dir, 'data');
  const asRoot = process.getuid?.() === 0;
  // As root, the cluster belongs to the postgres user; its folder must be theirs.
  const run = (bin: string, args: string[]) =>
    asRoot ? execFileSync('runuser', ['-u', 'postgres', '--', path.join(PG_BIN, bin), ...args], { stdio: 'pipe' }) : execFileSync(path.join(PG_BIN, bin), args, { stdio: 'pipe' });
  if (asRoot) execFileSync('chown', ['postgres', dir]);
  run('initdb', ['-D', data, '-U', 'factdesk', '-A', 'trust', '--no-sync', '-E', 'UTF8', '--locale', 'C']);
  const port = await freePort();
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
  run('pg_ctl', ['-D', data, '-o', options, '-l', path.join(dir, 'log'), '-w', 'start']);
  const url = `postgres://factdesk@127.0.0.1:${port}/postgres`;
  let stopped = false;
  return {
    url,
    port,
    createDatabase(name: string) {
      run('createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', 'factdesk', name]);
      return `postgres://factdesk@127.0.0.1:${port}/${name}`;
    },
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
