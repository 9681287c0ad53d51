/** Playwright's web server: a seeded app on E2E_PORT that stops with its parent. */
import { startTestServer } from './test-server';

async function main() {
  // FACTDESK_DEMO_CLAIMS=1: the demo desk as `npm run demo` seeds it (for the README's screenshots).
  const server = await startTestServer(Number(process.env.E2E_PORT), undefined, { demoClaims: process.env.FACTDESK_DEMO_CLAIMS === '1' });
  console.log(`factdesk test server on ${server.baseUrl} (database ${server.database})`);
  const stop = async () => {
    await server.stop();
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
