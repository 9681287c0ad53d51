/**
 * Benchmark: server-side cost of one keystroke in a 50,000-word document with 2,000
 * claims — the step authority applying one step, mapping every claim and storing it all.
 *
 *   npm run bench -- bench/claims/authority.ts
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Transform } from 'prosemirror-transform';

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factdesk-bench-'));
  process.env.DATABASE_PATH = path.join(dir, 'bench.db');
  process.env.FACTDESK_DEMO = '1';
  const { getEngine } = await import('@/db');
  const { seedDemo } = await import('@/db/seed');
  const { insertClaim } = await import('@/db/queries/claims');
  const { insertDocument } = await import('@/db/queries/documents');
  const { getUserByEmail, getWorkspaceByName } = await import('@/db/queries/users');
  const { quoteAt, textWithPositions } = await import('@/lib/claims/anchor');
  const { textToDoc } = await import('@/lib/editor/import');
  const { receiveSteps } = await import('@/lib/collab/authority');
  const { schema } = await import('@/lib/editor/schema');

  const engine = getEngine();
  await seedDemo(engine);
  const words = fs.readFileSync('db/seed-data/nato-russland-2021-12-21.de.txt', 'utf8').split(/\s+/);
  const paragraphs = Array.from({ length: 500 }, (_, i) => Array.from({ length: 100 }, (_, k) => words[(i * 100 + k) % words.length]).join(' '));
  let doc = textToDoc(paragraphs.join('\n'));
  const workspace = (await getWorkspaceByName('Demo desk'))!;
  const user = (await getUserByEmail('reviewer@factdesk.test'))!;
  const document = await engine.transaction((tx) => insertDocument({ workspaceId: workspace.id, title: 'bench', language: 'de', sourceUrl: null, doc: doc.toJSON(), userId: user.id }, tx));
  const { positions } = textWithPositions(doc);
  await engine.transaction(async (tx) => {
    for (let i = 0; i < 2000; i++) {
      const s = Math.floor((i / 2000) * (positions.length - 200));
      const from = positions[s]!;
      const to = positions[s + 50]! + 1;
      const q = quoteAt(doc, from, to);
      await insertClaim({ documentId: document.id, from, to, quoteExact: q.exact, quotePrefix: q.prefix, quoteSuffix: q.suffix, statement: q.exact, tags: [], createdBy: user.id }, tx);
    }
  });
  const mid = positions[Math.floor(positions.length / 2)]!;
  const times: number[] = [];
  for (let i = 0; i < 300; i++) {
    const tr = new Transform(doc).insert(mid + i, schema.text('a'));
    const t0 = performance.now();
    await receiveSteps({ documentId: document.id, userId: user.id, version: i, clientID: 'bench', steps: tr.steps.map((s) => s.toJSON()) });
    times.push(performance.now() - t0);
    doc = tr.doc;
  }
  times.sort((a, b) => a - b);
  const pct = (p: number) => times[Math.floor((p / 100) * times.length)]!.toFixed(2);
  console.log(`one keystroke through the authority (50,000 words, 2,000 claims): p50 ${pct(50)} ms, p95 ${pct(95)} ms`);
  fs.rmSync(dir, { recursive: true, force: true });
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
