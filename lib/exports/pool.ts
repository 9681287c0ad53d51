/**
 * Exports off the editors' path. A PDF or Word file of a long report takes seconds of CPU;
 * made on the request's event loop it would stall every editor's steps on this process.
 * They are made in a pool of worker threads (piscina), cached by what they show, and each
 * user may have at most two exports running at once.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import Piscina from 'piscina';
import { AppError } from '../errors';
import type { Report } from './report';
import type { WorkerFormat } from './worker';

/** Exports one user may have running at once; more answer 429. */
export const MAX_EXPORTS_PER_USER = 2;
/** Bytes of finished exports kept for the next identical request. */
const CACHE_BYTES = 64 * 1024 * 1024;

const state = globalThis as unknown as { factdeskExportPool?: Piscina; factdeskExportCache?: Map<string, Uint8Array>; factdeskExportsRunning?: Map<string, number> };

/** The worker file `npm run build` makes (FACTDESK_EXPORT_WORKER to use another). */
export function workerFile(): string {
  return process.env.FACTDESK_EXPORT_WORKER || path.join(process.cwd(), 'dist', 'export-worker.mjs');
}

function pool(): Piscina {
  if (state.factdeskExportPool) return state.factdeskExportPool;
  const filename = workerFile();
  if (!existsSync(filename)) {
    throw new AppError(503, 'unavailable', 'Exports are not set up on this server: run `npm run build`, which makes the export worker.');
  }
  // One thread per core but one (the authority keeps a core), at least one, at most four.
  const threads = Math.max(1, Math.min(4, availableParallelism() - 1));
  state.factdeskExportPool = new Piscina({ filename, minThreads: 0, maxThreads: threads, idleTimeout: 60_000, maxQueue: 'auto' });
  return state.factdeskExportPool;
}

const cache = (state.factdeskExportCache ??= new Map<string, Uint8Array>());
const running = (state.factdeskExportsRunning ??= new Map<string, number>());

/** What a file shows: the report without the time it was built. Two reports with the same key give the same file. */
export function reportKey(report: Report, format: string): string {
  const { generatedAt: _generatedAt, ...shown } = report;
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

/**
 * Runs `work` as one of the user's exports: refuses with 429 when the user already has
 * MAX_EXPORTS_PER_USER running on this process.
 */
export async function asUserExport<T>(userId: string, work: () => Promise<T>): Promise<T> {
  const now = running.get(userId) ?? 0;
  if (now >= MAX_EXPORTS_PER_USER) {
    throw new AppError(429, 'rate_limited', `You already have ${now} exports being made. Wait until one has downloaded, then try again.`);
  }
  running.set(userId, now + 1);
  try {
    return await work();
  } finally {
    const left = (running.get(userId) ?? 1) - 1;
    if (left > 0) running.set(userId, left);
    else running.delete(userId);
  }
}

/** The file of a report in a worker format, from the cache or made in a worker thread. */
export async function renderInWorker(report: Report, format: WorkerFormat): Promise<Uint8Array> {
  const key = reportKey(report, format);
  const hit = cache.get(key);
  if (hit) {
    remember(key, hit);
    return hit;
  }
  const bytes = (await pool().run({ report, format })) as Uint8Array;
  remember(key, bytes);
  return bytes;
}
