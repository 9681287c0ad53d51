/** Check-worthiness hints dismissed per document. */
import { eq } from 'drizzle-orm';
import { getDb, type DbOrTx, type Tx } from '../index';
import { checkworthyDismissals } from '../schema';

/** The keys of the sentences whose hints were dismissed in a document. */
export async function getDismissedSentenceKeys(documentId: string, db: DbOrTx = getDb()): Promise<string[]> {
  return (await db.select({ key: checkworthyDismissals.sentenceKey }).from(checkworthyDismissals).where(eq(checkworthyDismissals.documentId, documentId))).map((r) => r.key);
}

/** Dismisses a sentence's hint (again: nothing changes). */
export async function insertDismissal(props: { documentId: string; sentenceKey: string; dismissedBy: string }, db: Tx) {
  await db.insert(checkworthyDismissals).values(props).onConflictDoNothing();
}
