/** Sign-offs of documents: one row per sign-off, kept after a reopen. */
import { aliasedTable, and, desc, eq, isNull } from 'drizzle-orm';
import { getDb, only, type DbOrTx, type Tx } from '../index';
import { signoffs, users } from '../schema';

/** Stores a sign-off. */
export async function insertSignoff(values: { documentId: string; revision: number; hash: string; signedBy: string }, db: Tx) {
  return db
    .insert(signoffs)
    .values({ ...values, signedAt: new Date() })
    .returning().then(only);
}

/** Marks the document's open sign-off as reopened. */
export async function markSignoffReopened(documentId: string, props: { reopenedBy: string; reason: string }, db: Tx) {
  return db
    .update(signoffs)
    .set({ reopenedBy: props.reopenedBy, reopenReason: props.reason, reopenedAt: new Date() })
    .where(and(eq(signoffs.documentId, documentId), isNull(signoffs.reopenedAt)))
    .returning().then(only);
}

/** Every sign-off of a document, newest first, with the names of who signed and reopened. */
export async function getSignoffsByDocumentId(documentId: string, db: DbOrTx = getDb()) {
  const signer = aliasedTable(users, 'signer');
  const reopener = aliasedTable(users, 'reopener');
  return (await db
    .select({ signoff: signoffs, signedByName: signer.name, reopenedByName: reopener.name })
    .from(signoffs)
    .leftJoin(signer, eq(signer.id, signoffs.signedBy))
    .leftJoin(reopener, eq(reopener.id, signoffs.reopenedBy))
    .where(eq(signoffs.documentId, documentId))
    .orderBy(desc(signoffs.revision), desc(signoffs.signedAt)))
    .map((r) => ({ ...r.signoff, signedByName: r.signedByName, reopenedByName: r.reopenedByName }));
}
