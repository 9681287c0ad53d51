/** Published reports (see `publications` in db/schema.ts). */
import { eq } from 'drizzle-orm';
import { getDb, type DbOrTx } from '../index';
import { publications } from '../schema';

/** The document's publication, if published. */
export function getPublicationByDocumentId(documentId: string, db: DbOrTx = getDb()) {
  return db.select().from(publications).where(eq(publications.documentId, documentId)).get();
}

/** The publication at a public slug, if any. */
export function getPublicationBySlug(slug: string, db: DbOrTx = getDb()) {
  return db.select().from(publications).where(eq(publications.slug, slug)).get();
}

/** Publishes (or republishes) a document's report. */
export function upsertPublication(row: typeof publications.$inferInsert, db: DbOrTx = getDb()) {
  db.insert(publications)
    .values(row)
    .onConflictDoUpdate({ target: publications.documentId, set: { revision: row.revision, report: row.report, publishedBy: row.publishedBy, publishedAt: row.publishedAt } })
    .run();
}

/** Unpublishes; returns whether there was a publication. */
export function deletePublication(documentId: string, db: DbOrTx = getDb()): boolean {
  return db.delete(publications).where(eq(publications.documentId, documentId)).run().changes > 0;
}
