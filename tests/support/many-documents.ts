/**
 * A workspace with many documents, written straight into the database (tests of the
 * document list and bench/documents/list.ts): every 1,000th mentions "Zebrastreifen", every
 * 10th is English, every 7th in review, every 100th has an open claim assigned to the
 * workspace's admin; edits spread over 100 days.
 */
import { sql } from 'drizzle-orm';
import type { Engine } from '@/db';
import { insertDocument } from '@/db/queries/documents';
import { insertUser, insertWorkspace, upsertMembership } from '@/db/queries/users';
import { textToDoc } from '@/lib/editor/import';

export const MANY_ADMIN = { email: 'many@bigdesk.test', password: 'many-documents-password' };

export function seedManyDocuments(engine: Engine, count: number, passwordHash: string) {
  return engine.transaction(async (tx) => {
    const workspace = await insertWorkspace({ name: 'Big desk', organisation: 'Big Media' }, tx);
    const admin = await insertUser({ email: MANY_ADMIN.email, name: 'Mara Many', passwordHash }, tx);
    await upsertMembership({ userId: admin.id, workspaceId: workspace.id, role: 'admin' }, tx);
    const day = 86_400_000;
    const start = Date.parse('2026-08-01T12:00:00Z');
    for (let i = 0; i < count; i++) {
      const text = `Artikel ${i} über Verhandlungen in Genf.${i % 1000 === 0 ? ' Am Zebrastreifen wurde gewartet.' : ''}\nDie NATO und Russland sprechen über Sicherheitsgarantien, Raketen und Manöver.`;
      const doc = await insertDocument({ workspaceId: workspace.id, title: `Dokument ${String(i).padStart(5, '0')}`, language: i % 10 === 0 ? 'en' : 'de', sourceUrl: null, doc: textToDoc(text).toJSON(), userId: admin.id }, tx);
      const updatedAt = start + (i % 100) * day + i;
      await tx.run(sql`UPDATE documents SET updated_at = ${updatedAt}, status = ${i % 7 === 0 ? 'in_review' : 'draft'} WHERE id = ${doc.id}`);
      if (i % 100 === 0) {
        await tx.run(sql`INSERT INTO claims (id, document_id, "from", "to", quote_exact, quote_prefix, quote_suffix, statement, status, assignee_id, created_by, created_at, updated_at, row_version)
          VALUES (${`claim-${doc.id}`}, ${doc.id}, 1, 8, 'Artikel', '', '', 'Artikel', 'open', ${admin.id}, ${admin.id}, ${updatedAt}, ${updatedAt}, 1)`);
      }
    }
    return { workspaceId: workspace.id, adminId: admin.id };
  });
}
