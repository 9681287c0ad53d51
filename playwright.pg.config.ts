/**
 * The smoke run on PostgreSQL: tests/e2e/multi-process.spec.ts, whose two browsers talk to
 * different processes, and the review path of workflow.spec.ts, against two app processes on
 * one PostgreSQL database (tests/support/serve.ts starts a throwaway cluster and both).
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
  // A smoke run: the whole suite runs on SQLite; here two browsers on two processes, and the
  // review path (claims, four eyes, sign-off hash, verify, publish, reopen) on PostgreSQL.
  testMatch: available ? ['multi-process.spec.ts', 'workflow.spec.ts'] : [],
  webServer: available ? { ...webServer, env: { FACTDESK_TEST_ENGINE: 'postgresql' }, timeout: 180_000 } : undefined,
});
