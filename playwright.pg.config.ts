/**
 * The smoke run on PostgreSQL: a few end-to-end specs against two app processes on one
 * PostgreSQL database (tests/support/serve.ts starts a throwaway cluster and both processes),
 * plus tests/e2e/multi-process.spec.ts, whose two browsers talk to different processes.
 * Runs wherever PostgreSQL 15's server binaries are installed, and always in CI.
 */
import { defineConfig } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import base from './playwright.config';

process.env.E2E_PORT2 ??= String(Number(process.env.E2E_PORT) + 1000);
const available = fs.existsSync(path.join(process.env.PG_BIN || '/usr/lib/postgresql/15/bin', 'initdb')) || !!process.env.CI;
const webServer = Array.isArray(base.webServer) ? base.webServer[0]! : base.webServer!;

export default defineConfig({
  ...base,
  testIgnore: [],
  testMatch: available ? ['multi-process.spec.ts', 'collab.spec.ts', 'claims.spec.ts', 'workflow.spec.ts', 'search.spec.ts'] : [],
  webServer: available ? { ...webServer, env: { FACTDESK_TEST_ENGINE: 'postgresql' }, timeout: 180_000 } : undefined,
});
