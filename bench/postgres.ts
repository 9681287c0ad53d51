/**
 * Runs a benchmark on a throwaway PostgreSQL 15 cluster (tests/support/pg.ts). db/schema picks
 * its tables from DATABASE_URL when it is first imported, and the cluster's address exists only
 * once the cluster runs; so the benchmark starts the cluster and runs itself again in a child
 * process whose DATABASE_URL names a new database there from its start, as the app's
 * processes do, and stops the cluster when the child ends.
 *
 *   if (!onBenchCluster()) return runOnBenchCluster('trace'); // in the parent
 */
import { spawn } from 'node:child_process';
import { postgresAvailable, PG_BIN, startPostgres } from '../tests/support/pg';

/** Set in the child: its DATABASE_URL is a database of the benchmark's own cluster. */
const MARK = 'FACTDESK_BENCH_CLUSTER';

/** Whether this process is the child that runs on the cluster. */
export function onBenchCluster(): boolean {
  return process.env[MARK] === '1' && /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? '');
}

/** Starts a cluster with a database `name`, runs this same benchmark (same arguments) in a child on it, stops the cluster; exits with the child's code. */
export async function runOnBenchCluster(name: string): Promise<void> {
  if (!postgresAvailable()) throw new Error(`PostgreSQL 15's server binaries are not in ${PG_BIN} (PG_BIN says where they are)`);
  const cluster = await startPostgres();
  try {
    const url = cluster.createDatabase(name);
    console.log(`PostgreSQL 15: a throwaway cluster on port ${cluster.port} (fsync off, as tests/support/pg.ts starts it), database ${name}`);
    const child = spawn(process.execPath, [...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit', env: { ...process.env, DATABASE_URL: url, DATABASE_PATH: '', [MARK]: '1' } });
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    const code = await new Promise<number>((resolve) => child.on('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0))));
    process.off('SIGINT', forward);
    process.off('SIGTERM', forward);
    process.exitCode = code;
  } finally {
    cluster.stop();
  }
}
