/**
 * Runs a benchmark the way `next build` runs the app: bundled as ES modules, so that
 * packages load their ES module builds. Under tsx, TypeScript becomes CommonJS and packages
 * load their CommonJS builds instead; ProseMirror's CommonJS build is transpiled to old
 * JavaScript and applies a step about six times slower than the ES module build that the
 * browser and the Next.js server run.
 *
 *   node bench/esm.mjs bench/collab/trace.ts --batch 500
 *   npm run bench -- bench/collab/trace.ts --batch 500
 *
 * The benchmark runs with --expose-gc, so that it can collect its own set-up's garbage
 * before it starts a clock.
 */
import { bundle } from '../scripts/bundle.mjs';
import { spawn } from 'node:child_process';
import path from 'node:path';

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node bench/esm.mjs <bench/…/file.ts> [arguments]');
  process.exitCode = 2;
} else {
  // Beside the project's node_modules, so that the packages left outside resolve as usual.
  const outfile = path.resolve('bench', '.out', `${path.basename(entry, path.extname(entry))}.mjs`);
  await bundle(entry, outfile);
  const child = spawn(process.execPath, ['--enable-source-maps', '--expose-gc', outfile, ...args], { stdio: 'inherit' });
  child.on('exit', (code, signal) => {
    process.exitCode = code ?? (signal ? 1 : 0);
  });
}
