/** Check-worthiness hints dismissed per document. */
import { eq } from 'drizzle-orm';
import { getDb, type DbOrTx } from '../index';
import { checkworthyDismissals } from '../schema';

/** The keys of the sentences whose hints were dismissed in a document. */
export function getDismissedSentenceKeys(documentId: string, db: DbOrTx = getDb()): string[] {
  return db.select({ key: checkworthyDismissals.sentenceKey }).from(checkworthyDismissals).where(eq(checkworthyDismissals.documentId, documentId)).all().map((r) => r.key);
}

/** Dismisses a sentence's hint (again: nothing changes). */
export function insertDismissal(props: { documentId: string; sentenceKey: string; dismissedBy: string }, db: DbOrTx = getDb()) {
  db.insert(checkworthyDismissals).values(props).onConflictDoNothing().run();
}
