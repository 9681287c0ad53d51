/** Published reports (see `publications` in db/schema.ts). */
import { eq } from 'drizzle-orm';
import { first, getDb, type DbOrTx, type Tx } from '../index';
import { publications } from '../schema';

/** The document's publication, if published. */
export async function getPublicationByDocumentId(documentId: string, db: DbOrTx = getDb()) {
  return db.select().from(publications).where(eq(publications.documentId, documentId)).then(first);
}

/** The publication at a public slug, if any. */
export async function getPublicationBySlug(slug: string, db: DbOrTx = getDb()) {
  return db.select().from(publications).where(eq(publications.slug, slug)).then(first);
}

/** Publishes (or republishes) a document's report. */
export async function upsertPublication(row: typeof publications.$inferInsert, db: Tx) {
  await db.insert(publications)
    .values(row)
    .onConflictDoUpdate({ target: publications.documentId, set: { revision: row.revision, report: row.report, publishedBy: row.publishedBy, publishedAt: row.publishedAt } });
}

/** Unpublishes; returns whether there was a publication. */
export async function deletePublication(documentId: string, db: Tx): Promise<boolean> {
  return (await db.delete(publications).where(eq(publications.documentId, documentId)).returning({ documentId: publications.documentId })).length > 0;
}
