// @ts-check
// The value of PHASE_PRODUCTION_SERVER in next/constants.
const PHASE_PRODUCTION_SERVER = 'phase-production-server';
// Interface languages: next-intl reads its per-request configuration from i18n/request.ts.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- this file is CommonJS, as Next loads it
const withNextIntl = require('next-intl/plugin')('./i18n/request.ts');

/**
 * Next.js configuration. A production server refuses to start without a session secret:
 * next-auth would otherwise answer every request with a 500.
 * @param {string} phase
 * @returns {import('next').NextConfig}
 */
module.exports = (phase) => {
  if (phase === PHASE_PRODUCTION_SERVER && !process.env.NEXTAUTH_SECRET) {
    console.error(
      '\nFactdesk cannot start: NEXTAUTH_SECRET is not set.\n' +
        'Set it to a long random string, for example:  export NEXTAUTH_SECRET="$(openssl rand -base64 32)"\n' +
        '(`npm run demo` and `npm run dev` write one into .env.local for you.)\n',
    );
    process.exit(1);
  }
  return withNextIntl({
    // Native or file-reading packages stay outside the bundle (pdfkit reads its font metrics from disk).
    // piscina starts its worker threads from a file of its own package.
    serverExternalPackages: ['better-sqlite3', 'pdfkit', 'piscina'],
    poweredByHeader: false,
    // Server-Sent Events must reach the browser unbuffered; gzip would hold them back.
    compress: false,
    typedRoutes: false,
    // Every answer: no framing by other sites, no type sniffing, no full addresses leaked to
    // other sites. The Content-Security-Policy (with a script nonce per request) is set in
    // proxy.ts; this one covers what the proxy does not see (static files).
    async headers() {
      return [
        {
          source: '/:path*',
          headers: [
            { key: 'Content-Security-Policy', value: "frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'" },
            { key: 'X-Frame-Options', value: 'DENY' },
            { key: 'X-Content-Type-Options', value: 'nosniff' },
            { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          ],
        },
      ];
    },
  });
};
