/**
 * Exports off the editors' path. A PDF or Word file of a long report takes seconds of CPU;
 * made on the request's event loop it would stall every editor's steps on this process.
 * Every format is gathered from SQLite and rendered in a pool of worker threads (piscina);
 * each thread keeps the files it made by what they show, and each user may have at most
 * two exports running at once.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import Piscina from 'piscina';
import { AppError } from '../errors';
import type { ExportTask } from './worker';

/** Exports one user may have running at once; more answer 429. */
export const MAX_EXPORTS_PER_USER = 2;
/** Exports waiting for a thread, across users; more answer 503. */
const MAX_QUEUED = 64;

const state = globalThis as unknown as { factdeskExportPool?: Piscina; factdeskExportsRunning?: Map<string, number> };

/** The worker file `npm run build` makes (FACTDESK_EXPORT_WORKER to use another). */
export function workerFile(): string {
  return process.env.FACTDESK_EXPORT_WORKER || path.join(process.cwd(), 'dist', 'export-worker.mjs');
}

function pool(): Piscina {
  if (state.factdeskExportPool) return state.factdeskExportPool;
  const filename = workerFile();
  if (!existsSync(/*turbopackIgnore: true*/ filename)) {
    throw new AppError(503, 'unavailable', 'Exports are not set up on this server: run `npm run build`, which makes the export worker.');
  }
  // One thread per core but one (the authority keeps a core), at least one, at most four.
  const threads = Math.max(1, Math.min(4, availableParallelism() - 1));
  // Threads stay up: each keeps its database connection and the files it made (see worker.ts).
  // A large young generation: rendering a long PDF allocates hundreds of MB of short-lived
  // objects, and every scavenge runs on V8's helper threads at normal priority, beside the
  // step authority (with the default, the editors' p99 during five PDFs was 46–66 ms; with
  // 64 MB, 24–39 ms: bench/README.md).
  state.factdeskExportPool = new Piscina({ filename, minThreads: threads, maxThreads: threads, maxQueue: MAX_QUEUED, resourceLimits: { maxYoungGenerationSizeMb: 64 } });
  return state.factdeskExportPool;
}

const running = (state.factdeskExportsRunning ??= new Map<string, number>());

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

/** Runs one export in a worker thread; its bytes. */
export async function runExport(task: ExportTask): Promise<Uint8Array> {
  try {
    return (await pool().run(task)) as Uint8Array;
  } catch (e) {
    if (e instanceof AppError) throw e;
    // A full queue (many exports at once across users) is a busy server, not a bug.
    if (/queue/i.test((e as Error).message)) throw new AppError(503, 'unavailable', 'The server is busy making other exports. Try again in a minute.');
    throw e;
  }
}
