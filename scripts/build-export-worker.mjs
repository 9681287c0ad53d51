/**
 * Bundles the export worker (lib/exports/worker.ts) into dist/export-worker.mjs, which the
 * pool in lib/exports/pool.ts starts in worker threads. Part of `npm run build`: Next.js
 * bundles the app's own modules but not a file a worker thread loads by path.
 */
import { build } from 'esbuild';
import path from 'node:path';

const outfile = path.resolve('dist', 'export-worker.mjs');
await build({
  entryPoints: ['lib/exports/worker.ts'],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Beside the project's node_modules, so that pdfkit, docx and the fonts resolve as usual.
  packages: 'external',
  tsconfig: 'tsconfig.json',
  outfile,
  sourcemap: 'inline',
  logLevel: 'warning',
});
console.log(`export worker: ${path.relative(process.cwd(), outfile)}`);
