/**
 * The export worker: renders the formats that take long (PDF, Word) off the server's event
 * loop, in a worker thread of the pool in lib/exports/pool.ts. Bundled on its own by
 * scripts/build-export-worker.mjs (`npm run build`), with packages left in node_modules.
 * It reads nothing from the database: it gets the report and returns the file's bytes.
 */
import { move } from 'piscina';
import { toDocx } from './docx';
import { toPdf } from './pdf';
import type { Report } from './report';

export type WorkerFormat = 'pdf' | 'docx';

export default async function render({ report, format }: { report: Report; format: WorkerFormat }): Promise<Uint8Array> {
  const bytes = format === 'pdf' ? await toPdf(report) : await toDocx(report);
  // Moved to the main thread, not copied: a Buffer may share a pooled slab, so copy it once into its own.
  const out = new Uint8Array(bytes.byteLength);
  out.set(bytes);
  return move(out) as Uint8Array;
}
