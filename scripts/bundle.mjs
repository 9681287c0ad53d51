/**
 * Bundles a TypeScript entry as one ES module for Node, the way Next.js bundles the app:
 * the project's own modules inlined (the `@/` paths of tsconfig.json resolved), packages
 * left in node_modules. Used by the export worker's build and the benchmarks' runner.
 */
import { build } from 'esbuild';

export function bundle(entry, outfile) {
  return build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // The output lies beside the project's node_modules, so the packages resolve as usual.
    packages: 'external',
    tsconfig: 'tsconfig.json',
    // Server modules say `import 'server-only'`; outside Next.js that guard is the empty module.
    alias: { 'server-only': './node_modules/server-only/empty.js' },
    outfile,
    sourcemap: 'inline',
    logLevel: 'warning',
  });
}
