/**
 * The export worker: gathers a report from SQLite and renders it, off the server's event
 * loop, in a worker thread of the pool in lib/exports/pool.ts. Bundled on its own by
 * scripts/build-export-worker.mjs (`npm run build`), with packages left in node_modules;
 * it opens its own connection to the database (reads only, in WAL mode beside the writer).
 *
 * Each thread keeps the files it made, keyed by what they show (the report without the
 * time it was built): asking again for an unchanged document costs a read, not a render.
 */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { move } from 'piscina';
import { render, type ExportFormat } from './render';
import { buildReport, type Report } from './report';

export interface ExportTask {
  documentId: string;
  format: ExportFormat;
  publicBaseUrl: string;
  /** The reader's time zone, for the report's times. */
  timeZone?: string;
}

// On Linux a nice value and a scheduling policy belong to a thread: this thread yields the
// CPU to the server's main thread (the step authority, the event streams) whenever both
// want it. SCHED_IDLE (util-linux chrt, where present) runs it only on otherwise idle CPU.
try {
  setPriority(19);
  const tid = readlinkSync('/proc/thread-self').split('/').pop();
  if (tid && /^\d+$/.test(tid)) execFileSync('chrt', ['--idle', '-p', '0', tid], { stdio: 'ignore', timeout: 2000 });
} catch {
  // Not permitted or not supported here: exports still run off the event loop.
}

/** Bytes of finished files one thread keeps. */
const CACHE_BYTES = 48 * 1024 * 1024;
const cache = new Map<string, Uint8Array>();

/** What a file shows: the report without the time it was built. Two reports with the same key give the same file. */
export function reportKey(report: Report, format: string): string {
  const shown: Partial<Report> = { ...report };
  delete shown.generatedAt;
  return `${report.document.id}:${report.document.version}:${format}:${createHash('sha256').update(JSON.stringify(shown)).digest('base64url')}`;
}

function remember(key: string, bytes: Uint8Array) {
  cache.delete(key);
  cache.set(key, bytes);
  let total = 0;
  for (const value of cache.values()) total += value.byteLength;
  for (const [k, value] of cache) {
    if (total <= CACHE_BYTES) break;
    cache.delete(k);
    total -= value.byteLength;
  }
}

/** The file of one document in one format: its bytes, moved to the main thread. */
export default async function exportTask(task: ExportTask): Promise<Uint8Array> {
  const report = await buildReport(task.documentId, { publicBaseUrl: task.publicBaseUrl, timeZone: task.timeZone });
  const key = reportKey(report, task.format);
  let bytes = cache.get(key);
  if (!bytes) {
    const body = await render(report, task.format);
    bytes = typeof body === 'string' ? new TextEncoder().encode(body) : new Uint8Array(body);
  }
  remember(key, bytes);
  // The cache keeps its copy; the main thread gets its own, moved rather than copied again.
  const out = new Uint8Array(bytes.byteLength);
  out.set(bytes);
  return move(out) as Uint8Array;
}
