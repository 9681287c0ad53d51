/**
 * Bundles the export worker (lib/exports/worker.ts) into dist/export-worker.mjs, which the
 * pool in lib/exports/pool.ts starts in worker threads. Part of `npm run build`: Next.js
 * bundles the app's own modules but not a file a worker thread loads by path.
 */
import { bundle } from './bundle.mjs';
import path from 'node:path';

const outfile = path.resolve('dist', 'export-worker.mjs');
await bundle('lib/exports/worker.ts', outfile);
console.log(`export worker: ${path.relative(process.cwd(), outfile)}`);
