/**
 * A workspace with many documents, written straight into the database (tests of the
 * document list and bench/documents/list.ts): every 1,000th mentions "Zebrastreifen", every
 * 10th is English, every 7th in review, every 100th has an open claim assigned to the
 * workspace's admin; edits spread over 100 days.
 */
import { eq } from 'drizzle-orm';
import type { Engine } from '@/db';
import { claims, documents } from '@/db/schema';
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
      await tx.update(documents).set({ updatedAt: new Date(updatedAt), status: i % 7 === 0 ? 'in_review' : 'draft' }).where(eq(documents.id, doc.id));
      if (i % 100 === 0) {
        const at = new Date(updatedAt);
        await tx.insert(claims).values({ id: `claim-${doc.id}`, documentId: doc.id, from: 1, to: 8, quoteExact: 'Artikel', quotePrefix: '', quoteSuffix: '', statement: 'Artikel', status: 'open', assigneeId: admin.id, createdBy: admin.id, createdAt: at, updatedAt: at, rowVersion: 1 });
      }
    }
    return { workspaceId: workspace.id, adminId: admin.id };
  });
}
