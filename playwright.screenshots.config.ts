/**
 * The README's screenshots (docs/screenshots), taken in Chromium from the demo desk as
 * `npm run demo` seeds it: `npm run build && npm run screenshots`. Not part of `npm test`.
 */
import { defineConfig } from '@playwright/test';
import base from './playwright.config';

process.env.FACTDESK_DEMO_CLAIMS = '1';

export default defineConfig({
  ...base,
  testDir: 'tests/screenshots',
  use: { ...base.use, viewport: { width: 1280, height: 800 } },
});
