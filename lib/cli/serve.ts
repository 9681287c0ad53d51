/**
 * Factdesk's production server: Next.js behind a plain Node HTTP server whose one job is to
 * decide the client's address from the socket (and FACTDESK_TRUSTED_PROXIES trusted proxy
 * hops of X-Forwarded-For) and hand only that to the app (lib/auth/client-address.ts).
 *
 *   NODE_ENV=production tsx lib/cli/serve.ts [-p 3000] [-H 0.0.0.0]
 */
import { createServer } from 'node:http';
import next from 'next';
import { trustedClientAddress } from '../auth/client-address';

function option(names: string[], fallback: string): string {
  const i = process.argv.findIndex((a) => names.includes(a));
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

async function main() {
  const port = Number(option(['-p', '--port'], process.env.PORT || '3000'));
  const hostname = option(['-H', '--hostname'], process.env.HOSTNAME || '0.0.0.0');
  const app = next({ dev: false, hostname, port, dir: process.cwd() });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = createServer((req, res) => {
    req.headers['x-forwarded-for'] = trustedClientAddress(req.socket.remoteAddress, req.headers['x-forwarded-for']);
    void handle(req, res);
  });
  server.listen(port, hostname, () => console.log(`factdesk: ready on http://${hostname === '0.0.0.0' ? 'localhost' : hostname}:${port}`));
  // Open event streams would hold close() forever: end them, and exit in any case soon after.
  const stop = () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
    setTimeout(() => process.exit(0), 3000).unref();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
