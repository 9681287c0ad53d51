/**
 * Benchmark: time to produce each export format for a document with 1,000 claims, three
 * sources each (every claim proposed and approved, the document signed off), on an
 * article of 10,000 words and on one of 50,000 words. Each format is made 5 times from a
 * fresh report (the report is gathered from SQLite every time, as the export route does);
 * the first run (cold: fonts not yet shaped in this process), the median and the worst are
 * printed, with the output size.
 *
 *   npm run bench -- bench/export/run.ts            # both sizes
 *   WORDS=50000 npm run bench -- bench/export/run.ts
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const CLAIMS = 1000;
const RUNS = 5;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factdesk-bench-'));
process.env.DATABASE_PATH = path.join(dir, 'bench.db');
process.env.FACTDESK_DEMO = '1';

async function main() {
  for (const words of process.env.WORDS ? [Number(process.env.WORDS)] : [10_000, 50_000]) await bench(words);
  fs.rmSync(dir, { recursive: true, force: true });
}

async function bench(wordCount: number) {
  const { getEngine } = await import('@/db');
  const { seedDemo } = await import('@/db/seed');
  const { EXPORT_FORMATS, render } = await import('@/lib/exports');
  const { buildReport } = await import('@/lib/exports/report');
  const { toPdf } = await import('@/lib/exports/pdf');
  const { toDocx } = await import('@/lib/exports/docx');
  const { insertCheckedDocument } = await import('./fixture');

  const engine = getEngine();
  await seedDemo(engine); // a no-op after the first size
  const document = await insertCheckedDocument(engine, { wordCount, claims: CLAIMS, signOff: true });

  console.log(`export of a signed-off document: ${wordCount.toLocaleString('en')} words, ${CLAIMS} claims, ${CLAIMS * 3} sources (${RUNS} runs, report gathered from SQLite each time)`);
  for (const format of EXPORT_FORMATS) {
    const times: number[] = [];
    let size = 0;
    for (let run = 0; run < RUNS; run++) {
      const t0 = performance.now();
      const report = await buildReport(document.id, { publicBaseUrl: 'https://factdesk.example.org' });
      // PDF and Word: the work itself, as a worker thread does it (render() would answer repeats from the cache).
      const body = format === 'pdf' ? await toPdf(report) : format === 'docx' ? await toDocx(report) : await render(report, format);
      times.push(performance.now() - t0);
      size = Buffer.byteLength(body);
    }
    const first = times[0]!;
    times.sort((a, b) => a - b);
    const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
    console.log(`  ${format.padEnd(12)} first ${s(first)}, median ${s(times[Math.floor(RUNS / 2)]!)}, worst ${s(times.at(-1)!)}, ${(size / 1024).toFixed(0)} KiB`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
