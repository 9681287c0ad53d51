/**
 * Benchmark: the document list with many documents (lib/documents/list.ts), in process on a
 * temporary SQLite file: the first page, a later page, a full-text search and a filter
 * combination, each run 50 times; prints p50 and p95 in milliseconds.
 *
 *   npm run bench -- bench/documents-list.ts [--documents 10000]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openEngine } from '@/db';
import { getUserByEmail } from '@/db/queries/users';
import { listDocuments, listQuerySchema } from '@/lib/documents/list';
import { MANY_ADMIN, seedManyDocuments } from '../tests/support/many-documents';

const { values } = parseArgs({ options: { documents: { type: 'string', default: '10000' } } });

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

async function main() {
  const count = Number(values.documents);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factdesk-list-'));
  process.env.DATABASE_PATH = path.join(dir, 'factdesk.db');
  const engine = openEngine(process.env.DATABASE_PATH);
  const t0 = performance.now();
  await seedManyDocuments(engine, count, 'not-a-real-hash');
  console.log(`seeded ${count.toLocaleString('en')} documents in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  engine.close();
  const userId = (await getUserByEmail(MANY_ADMIN.email))!.id;
  const cases: [string, Record<string, string>][] = [
    ['first page (newest first)', {}],
    ['page 150', { page: '150' }],
    ['search "Zebrastreifen"', { q: 'Zebrastreifen' }],
    ['search "NATO Raketen" (every document)', { q: 'NATO Raketen' }],
    ['English, in review, sorted by title', { language: 'en', status: 'in_review', sort: 'title' }],
    ['open claims assigned to me', { assignee: 'me', open: '1' }],
  ];
  for (const [name, raw] of cases) {
    const query = listQuerySchema.parse(raw);
    const times: number[] = [];
    for (let i = 0; i < 50; i++) {
      const start = performance.now();
      await listDocuments(userId, query);
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    console.log(`${name.padEnd(40)} p50 ${percentile(times, 0.5).toFixed(1)} ms  p95 ${percentile(times, 0.95).toFixed(1)} ms`);
  }
  fs.rmSync(dir, { recursive: true, force: true });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
