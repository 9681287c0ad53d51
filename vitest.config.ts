import fs from 'node:fs';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

// Server modules say `import 'server-only'`; in tests that guard is the empty module.
const alias = { '@': path.resolve(__dirname), 'server-only': path.resolve(__dirname, 'node_modules/server-only/empty.js') };

// The unit tests that run on PostgreSQL too (tests/support/pg.ts starts the cluster): wherever
// PostgreSQL 15's server binaries are installed, and always in CI (.ci/run installs them).
const withPostgres = fs.existsSync(path.join(process.env.PG_BIN || '/usr/lib/postgresql/15/bin', 'initdb')) || !!process.env.CI || process.env.FACTDESK_REQUIRE_PG === '1';
const onBothEngines = ['tests/unit/workspaces.test.ts', 'tests/unit/sign-in.test.ts', 'tests/unit/authority.test.ts', 'tests/unit/convergence.test.ts', 'tests/unit/undo-authority.test.ts', 'tests/unit/mailer.test.ts', 'tests/unit/suggestions.test.ts'];

/** The API tests: real HTTP against the built app, whose database the global setup decides. */
function api(name: string, globalSetup: string, setupFiles: string[] = [], exclude: string[] = []) {
  return {
    resolve: { alias },
    test: {
      name,
      environment: 'node' as const,
      include: ['tests/api/**/*.test.ts'],
      exclude,
      globalSetup: [globalSetup],
      setupFiles,
      testTimeout: 30_000,
      hookTimeout: 90_000,
    },
  };
}

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          environment: 'node',
          include: ['tests/unit/**/*.test.ts'],
          setupFiles: ['tests/unit/setup.ts'],
        },
      },
      // Two processes sharing live events and presence: PostgreSQL's LISTEN/NOTIFY, not SQLite's.
      api('api', 'tests/api/global-setup.ts', [], ['tests/api/multi-process.test.ts']),
      ...(withPostgres
        ? [
            {
              resolve: { alias },
              test: {
                name: 'unit-pg',
                environment: 'node',
                include: onBothEngines,
                globalSetup: ['tests/support/pg-global-setup.ts'],
                setupFiles: ['tests/unit/setup-pg.ts'],
                hookTimeout: 60_000,
              },
            },
            // The same API tests against the app on PostgreSQL.
            api('api-pg', 'tests/api/global-setup-pg.ts', ['tests/api/setup-pg.ts']),
          ]
        : []),
    ],
  },
});
