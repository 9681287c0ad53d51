/**
 * A checked document for the export benchmarks: an article of `wordCount` words (the
 * sample's words repeated, 100 to a paragraph) with `claims` approved claims of three
 * sources each, optionally submitted and signed off.
 */
import fs from 'node:fs';
import type { Engine } from '@/db';
import { VERDICTS } from '@/db/enums';
import { insertClaim, insertSource } from '@/db/queries/claims';
import { insertDocument } from '@/db/queries/documents';
import { getUserByEmail, getWorkspaceByName } from '@/db/queries/users';
import { quoteAt, textWithPositions } from '@/lib/claims/anchor';
import { textToDoc } from '@/lib/editor/import';
import { transitionDocument } from '@/lib/workflow/commands';

export async function insertCheckedDocument(engine: Engine, options: { wordCount: number; claims: number; signOff: boolean }) {
  const { wordCount, claims: CLAIMS } = options;
  const words = fs.readFileSync('db/seed-data/nato-russland-2021-12-21.de.txt', 'utf8').split(/\s+/);
  const paragraphs = Array.from({ length: wordCount / 100 }, (_, i) => Array.from({ length: 100 }, (_, k) => words[(i * 100 + k) % words.length]).join(' '));
  const doc = textToDoc(paragraphs.join('\n'));
  const workspace = (await getWorkspaceByName('Demo desk', engine.db))!;
  const rita = (await getUserByEmail('reviewer@factdesk.test', engine.db))!;
  const ben = (await getUserByEmail('reviewer2@factdesk.test', engine.db))!;
  const editor = (await getUserByEmail('editor@factdesk.test', engine.db))!;
  const document = await engine.transaction((tx) => insertDocument({ workspaceId: workspace.id, title: `NATO und Russland: Export-Benchmark (${wordCount} Wörter)`, language: 'de', sourceUrl: 'https://www.example.org/artikel', doc: doc.toJSON(), userId: rita.id }, tx));
  const { positions } = textWithPositions(doc);
  await engine.transaction(async (tx) => {
    for (let i = 0; i < CLAIMS; i++) {
      const s = Math.floor((i / CLAIMS) * (positions.length - 200));
      const from = positions[s]!;
      const to = positions[s + 60]! + 1;
      const q = quoteAt(doc, from, to);
      const verdict = VERDICTS[i % VERDICTS.length]!;
      const claim = await insertClaim(
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
        await insertSource(
          { claimId: claim.id, url: `https://www.example.org/quelle/${i}/${k}`, title: `Quelle ${k + 1} zu Behauptung ${i + 1}`, publisher: 'Beispiel-Verlag', publishedAt: '2021-12-20', accessedAt: '2022-01-05', excerpt: 'Ein kurzer Auszug aus der Quelle.', kind: 'media', stance: 'supports', createdBy: rita.id },
          tx,
        );
      }
    }
  });
  if (options.signOff) {
    await transitionDocument({ userId: rita.id, role: 'reviewer', workspaceId: workspace.id, documentId: document.id }, { action: 'submit' });
    await transitionDocument({ userId: editor.id, role: 'editor', workspaceId: workspace.id, documentId: document.id }, { action: 'sign_off' });
  }
  return document;
}
