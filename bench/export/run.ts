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
  const { getDb } = await import('@/db');
  const { seedDemo } = await import('@/db/seed');
  const { insertClaim, insertSource } = await import('@/db/queries/claims');
  const { insertDocument } = await import('@/db/queries/documents');
  const { getUserByEmail, getWorkspaceByName } = await import('@/db/queries/users');
  const { quoteAt, textWithPositions } = await import('@/lib/claims/anchor');
  const { VERDICTS } = await import('@/db/enums');
  const { textToDoc } = await import('@/lib/editor/import');
  const { transitionDocument } = await import('@/lib/workflow/commands');
  const { EXPORT_FORMATS, render } = await import('@/lib/exports');
  const { buildReport } = await import('@/lib/exports/report');

  const db = getDb();
  await seedDemo(db); // a no-op after the first size
  const words = fs.readFileSync('db/seed-data/nato-russland-2021-12-21.de.txt', 'utf8').split(/\s+/);
  const paragraphs = Array.from({ length: wordCount / 100 }, (_, i) => Array.from({ length: 100 }, (_, k) => words[(i * 100 + k) % words.length]).join(' '));
  const doc = textToDoc(paragraphs.join('\n'));
  const workspace = getWorkspaceByName('Demo desk')!;
  const rita = getUserByEmail('reviewer@factdesk.test')!;
  const ben = getUserByEmail('reviewer2@factdesk.test')!;
  const editor = getUserByEmail('editor@factdesk.test')!;
  const document = insertDocument({ workspaceId: workspace.id, title: `NATO und Russland: Export-Benchmark (${wordCount} Wörter)`, language: 'de', sourceUrl: 'https://www.example.org/artikel', doc: doc.toJSON(), userId: rita.id });
  const { positions } = textWithPositions(doc);
  db.transaction((tx) => {
    for (let i = 0; i < CLAIMS; i++) {
      const s = Math.floor((i / CLAIMS) * (positions.length - 200));
      const from = positions[s]!;
      const to = positions[s + 60]! + 1;
      const q = quoteAt(doc, from, to);
      const verdict = VERDICTS[i % VERDICTS.length]!;
      const claim = insertClaim(
        {
          documentId: document.id,
          from,
          to,
          quoteExact: q.exact,
          quotePrefix: q.prefix,
          quoteSuffix: q.suffix,
          statement: `Behauptung ${i + 1}: ${q.exact}`,
          claimant: 'Wladimir Putin',
          claimDate: '2021-12-21',
          verdict,
          rationale: `Begründung ${i + 1}: Die Quellen zeigen „${q.exact.slice(0, 40)}“ nur teilweise. ¿Señal? Ja.`,
          tags: ['Benchmark'],
          status: 'approved',
          proposedBy: rita.id,
          proposedAt: new Date(),
          approvedBy: ben.id,
          approvedAt: new Date(),
          lastChangedBy: rita.id,
          createdBy: rita.id,
        },
        tx,
      );
      for (let k = 0; k < 3; k++) {
        insertSource(
          { claimId: claim.id, url: `https://www.example.org/quelle/${i}/${k}`, title: `Quelle ${k + 1} zu Behauptung ${i + 1}`, publisher: 'Beispiel-Verlag', publishedAt: '2021-12-20', accessedAt: '2022-01-05', excerpt: 'Ein kurzer Auszug aus der Quelle.', kind: 'media', stance: 'supports', createdBy: rita.id },
          tx,
        );
      }
    }
  });
  transitionDocument({ userId: rita.id, role: 'reviewer', workspaceId: workspace.id, documentId: document.id }, { action: 'submit' });
  transitionDocument({ userId: editor.id, role: 'editor', workspaceId: workspace.id, documentId: document.id }, { action: 'sign_off' });

  console.log(`export of a signed-off document: ${wordCount.toLocaleString('en')} words, ${CLAIMS} claims, ${CLAIMS * 3} sources (${RUNS} runs, report gathered from SQLite each time)`);
  for (const format of EXPORT_FORMATS) {
    const times: number[] = [];
    let size = 0;
    for (let run = 0; run < RUNS; run++) {
      const t0 = performance.now();
      const body = await render(buildReport(document.id, { publicBaseUrl: 'https://factdesk.example.org' }), format);
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
