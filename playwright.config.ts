import { defineConfig } from '@playwright/test';

// One port for the whole run: workers re-read this file but inherit the environment.
process.env.E2E_PORT ??= String(4100 + Math.floor(Math.random() * 800));
const baseURL = `http://127.0.0.1:${process.env.E2E_PORT}`;

export default defineConfig({
  testDir: 'tests/e2e',
  // Two browsers on two app processes: the PostgreSQL smoke run's (playwright.pg.config.ts).
  testIgnore: ['multi-process.spec.ts'],
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    // page.request (the tests' API calls) sends no Origin by itself; the app's pages' fetches do.
    extraHTTPHeaders: { Origin: baseURL },
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: 'node node_modules/tsx/dist/cli.mjs --conditions=react-server tests/support/serve.ts',
    url: `${baseURL}/login`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'pipe',
    // SIGTERM first: tests/support/serve.ts stops its servers and removes its temporary
    // database (and its PostgreSQL cluster) before it exits; without this it was killed at once.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 20_000 },
  },
});
