/** The claim memory's index (FTS5 `claims_search`, migration 0016) and its candidates. */
import { sql } from 'drizzle-orm';
import { getDb, type DbOrTx } from '../index';

/** Replaces a claim's entry (or removes it when `stems` is null). */
export function setClaimStems(claimId: string, workspaceId: string, stems: string | null, db: DbOrTx = getDb()) {
  db.run(sql`DELETE FROM claims_search WHERE claim_id = ${claimId}`);
  if (stems) db.run(sql`INSERT INTO claims_search (claim_id, workspace_id, stems) VALUES (${claimId}, ${workspaceId}, ${stems})`);
}

/**
 * The claims of a workspace sharing words with `stems` (any of them), best first by BM25, with
 * what the ranking needs: statement, quote, verdict, status, document and who approved it.
 */
export function getClaimCandidates(workspaceId: string, stems: string[], excludeDocumentId: string, limit = 100, db: DbOrTx = getDb()) {
  if (!stems.length) return [];
  const match = [...new Set(stems)].map((s) => `"${s.replace(/"/g, '')}"`).join(' OR ');
  return db.all<{
    id: string;
    statement: string;
    quote: string;
    verdict: string | null;
    status: string;
    documentId: string;
    documentTitle: string;
    language: string;
    updatedAt: number;
    approvedByName: string | null;
  }>(sql`
    SELECT c.id, c.statement, c.quote_exact AS quote, c.verdict, c.status, c.document_id AS documentId, d.title AS documentTitle,
           d.language, c.updated_at AS updatedAt, u.name AS approvedByName
    FROM claims_search s
    JOIN claims c ON c.id = s.claim_id
    JOIN documents d ON d.id = c.document_id
    LEFT JOIN users u ON u.id = c.approved_by
    WHERE claims_search MATCH ${match} AND s.workspace_id = ${workspaceId} AND c.deleted_at IS NULL AND d.deleted_at IS NULL AND c.document_id <> ${excludeDocumentId}
    ORDER BY bm25(claims_search)
    LIMIT ${limit}`);
}

/** Claims that have no entry yet (from before the index), with their document's language. */
export function getClaimsWithoutStems(db: DbOrTx = getDb()) {
  return db.all<{ id: string; statement: string; quote: string; language: string; workspaceId: string }>(sql`
    SELECT c.id, c.statement, c.quote_exact AS quote, d.language, d.workspace_id AS workspaceId
    FROM claims c JOIN documents d ON d.id = c.document_id
    WHERE c.deleted_at IS NULL AND c.id NOT IN (SELECT claim_id FROM claims_search)`);
}
