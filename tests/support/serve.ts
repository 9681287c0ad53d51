/**
 * Playwright's web server: a seeded app on E2E_PORT that stops with its parent.
 *
 * With FACTDESK_TEST_ENGINE=postgresql (playwright.pg.config.ts): a throwaway PostgreSQL 15
 * cluster, the seeded desk in a database there, and two app processes on it, on E2E_PORT and
 * E2E_PORT2, as behind a load balancer.
 */
import fs from 'node:fs';
import type { ChildProcess } from 'node:child_process';
import { startPostgres } from './pg';
import { createSeededDatabase, startNext, startTestServer, stopProcess } from './test-server';

async function main() {
  let stop: () => Promise<void>;
  if (process.env.FACTDESK_TEST_ENGINE === 'postgresql') {
    const cluster = await startPostgres();
    const servers: ChildProcess[] = [];
    let dir = '';
    stop = async () => {
      await Promise.all(servers.map((s) => stopProcess(s)));
      cluster.stop();
      if (dir) fs.rmSync(dir, { recursive: true, force: true });
    };
    try {
      const seeded = await createSeededDatabase({ postgres: cluster.url });
      dir = seeded.dir;
      for (const port of [process.env.E2E_PORT, process.env.E2E_PORT2]) servers.push(await startNext({ port: Number(port), database: seeded.database }));
      console.log(`factdesk test servers on ports ${process.env.E2E_PORT} and ${process.env.E2E_PORT2} (database ${seeded.database})`);
    } catch (e) {
      await stop();
      throw e;
    }
  } else {
    // FACTDESK_DEMO_CLAIMS=1: the demo desk as `npm run demo` seeds it (for the README's screenshots).
    const server = await startTestServer(Number(process.env.E2E_PORT), undefined, { demoClaims: process.env.FACTDESK_DEMO_CLAIMS === '1' });
    console.log(`factdesk test server on ${server.baseUrl} (database ${server.database})`);
    stop = server.stop;
  }
  const exit = async () => {
    await stop();
    process.exit(0);
  };
  process.on('SIGTERM', exit);
  process.on('SIGINT', exit);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
