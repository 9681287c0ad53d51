/** Links between claims: "same claim as" (Reuse) and "not the same claim". */
import { and, eq, or, sql } from 'drizzle-orm';
import { getDb, rows, type DbOrTx, type Tx } from '../index';
import { claimLinks } from '../schema';

/** Records (or changes) what a reviewer decided about an earlier claim. */
export async function upsertClaimLink(props: { claimId: string; otherId: string; kind: 'same' | 'not_same'; score: number; createdBy: string }, db: Tx) {
  const values = { claimId: props.claimId, otherId: props.otherId, kind: props.kind, score: Math.round(props.score * 1000), createdBy: props.createdBy };
  await db.insert(claimLinks)
    .values(values)
    .onConflictDoUpdate({ target: [claimLinks.claimId, claimLinks.otherId], set: { kind: values.kind, score: values.score, createdBy: values.createdBy } });
}

/** The claims linked to a claim as the same claim, either way, with their documents (deleted ones left out). */
export async function getSameClaims(claimId: string, db: DbOrTx = getDb()) {
  return rows<{ id: string; statement: string; verdict: string | null; status: string; documentId: string; documentTitle: string }>(db, sql`
    SELECT c.id, c.statement, c.verdict, c.status, c.document_id AS "documentId", d.title AS "documentTitle"
    FROM claim_links l
    JOIN claims c ON c.id = CASE WHEN l.claim_id = ${claimId} THEN l.other_id ELSE l.claim_id END
    JOIN documents d ON d.id = c.document_id
    WHERE (l.claim_id = ${claimId} OR l.other_id = ${claimId}) AND l.kind = 'same' AND c.deleted_at IS NULL AND d.deleted_at IS NULL
    ORDER BY l.created_at`);
}

/** Ids of the claims a reviewer said are not the same as this one (either way). */
export async function getNotSameIds(claimId: string, db: DbOrTx = getDb()): Promise<Set<string>> {
  const rows = await db
    .select({ claimId: claimLinks.claimId, otherId: claimLinks.otherId })
    .from(claimLinks)
    .where(and(eq(claimLinks.kind, 'not_same'), or(eq(claimLinks.claimId, claimId), eq(claimLinks.otherId, claimId))));
  return new Set(rows.map((r) => (r.claimId === claimId ? r.otherId : r.claimId)));
}

/** The scores of the desk's decisions (same / not the same), for tuning the threshold. */
export async function getDecisionScores(workspaceId: string, db: DbOrTx = getDb()) {
  const decisions = await rows<{ kind: 'same' | 'not_same'; score: number }>(db, sql`
    SELECT l.kind, l.score_permille AS score FROM claim_links l
    JOIN claims c ON c.id = l.claim_id JOIN documents d ON d.id = c.document_id
    WHERE d.workspace_id = ${workspaceId}`);
  return { same: decisions.filter((r) => r.kind === 'same').map((r) => r.score / 1000), notSame: decisions.filter((r) => r.kind === 'not_same').map((r) => r.score / 1000) };
}
