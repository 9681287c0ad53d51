/** The claim memory's index (FTS5 `claims_search`, migration 0016) and its candidates. */
import { sql } from 'drizzle-orm';
import { getDb, type DbOrTx, type Tx } from '../index';

/** What a claim's search entries hold: its stems (claim memory) and its words (search). */
export interface ClaimEntry {
  stems: string;
  statement: string;
  quote: string;
  rationale: string;
  tags: string;
  sources: string;
}

/**
 * Replaces a claim's entries (or removes them when `entry` is null). The entries' rowid is the
 * claim row's own rowid, so that finding and replacing one never scans the index.
 */
export async function setClaimStems(claimId: string, workspaceId: string, entry: ClaimEntry | null, db: Tx) {
  const row = await db.get<{ rowid: number } | undefined>(sql`SELECT rowid FROM claims WHERE id = ${claimId}`);
  if (!row) return;
  await db.run(sql`DELETE FROM claims_search WHERE rowid = ${row.rowid}`);
  await db.run(sql`DELETE FROM claims_text WHERE rowid = ${row.rowid}`);
  if (!entry) return;
  await db.run(sql`INSERT INTO claims_search (rowid, claim_id, workspace_id, stems) VALUES (${row.rowid}, ${claimId}, ${workspaceId}, ${entry.stems})`);
  await db.run(sql`INSERT INTO claims_text (rowid, claim_id, workspace_id, statement, quote, rationale, tags, sources)
    VALUES (${row.rowid}, ${claimId}, ${workspaceId}, ${entry.statement}, ${entry.quote}, ${entry.rationale}, ${entry.tags}, ${entry.sources})`);
}

/**
 * The claims of a workspace sharing words with `stems` (any of them), best first by BM25, with
 * what the ranking needs: statement, quote, verdict, status, document and who approved it.
 */
export async function getClaimCandidates(workspaceId: string, stems: string[], excludeDocumentId: string, limit = 100, db: DbOrTx = getDb()) {
  const unique = [...new Set(stems)].map((s) => s.replace(/"/g, '')).filter(Boolean);
  if (!unique.length) return [];
  // The rarest stems find the same claims as all of them, without ranking every claim that shares a common word.
  const counts = new Map(
    (await db.all<{ term: string; doc: number }>(sql`SELECT term, doc FROM claims_search_vocab WHERE term IN (${sql.join(unique.map((s) => sql`${s}`), sql`, `)})`)).map((r) => [r.term, r.doc]),
  );
  const rarest = unique.filter((s) => counts.has(s)).sort((a, b) => counts.get(a)! - counts.get(b)!).slice(0, 4);
  if (!rarest.length) return [];
  // Claims holding the three rarest stems together first (few, and the likeliest); when they
  // are not enough, those holding any of the four.
  const all = await candidates(workspaceId, rarest.slice(0, 3).map((s) => `"${s}"`).join(' AND '), excludeDocumentId, limit, db);
  if (all.length >= 20 || rarest.length === 1) return all;
  const seen = new Set(all.map((c) => c.id));
  return [...all, ...(await candidates(workspaceId, rarest.map((s) => `"${s}"`).join(' OR '), excludeDocumentId, limit, db)).filter((c) => !seen.has(c.id))].slice(0, limit);
}

function candidates(workspaceId: string, match: string, excludeDocumentId: string, limit: number, db: DbOrTx) {
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
    JOIN claims c ON c.rowid = s.rowid
    JOIN documents d ON d.id = c.document_id
    LEFT JOIN users u ON u.id = c.approved_by
    WHERE claims_search MATCH ${match} AND s.workspace_id = ${workspaceId} AND c.deleted_at IS NULL AND d.deleted_at IS NULL AND c.document_id <> ${excludeDocumentId}
    ORDER BY bm25(claims_search)
    LIMIT ${limit}`);
}

/** Ids of claims that have no entry yet (from before the indexes). */
export async function getClaimIdsWithoutEntries(db: DbOrTx = getDb()): Promise<string[]> {
  return (await db.all<{ id: string }>(sql`SELECT c.id FROM claims c WHERE c.deleted_at IS NULL AND (c.rowid NOT IN (SELECT rowid FROM claims_search) OR c.rowid NOT IN (SELECT rowid FROM claims_text))`)).map((r) => r.id);
}

/** Snippet markers: the search's matches are wrapped in these (never HTML), the page turns them into <mark>. */
export const HIT_START = '\u0002';
export const HIT_END = '\u0003';

export interface SearchFilters {
  workspaceIds: string[];
  verdict?: string;
  status?: string;
  language?: string;
  tag?: string;
  /** Last change on or after / before the end of (YYYY-MM-DD). */
  from?: string;
  to?: string;
}

/** Claims matching an FTS5 query in the given workspaces and filters, best first, with a highlighted snippet. */
export async function searchClaims(match: string | null, f: SearchFilters, limit: number, db: DbOrTx = getDb()) {
  const ws = sql.join(f.workspaceIds.map((id) => sql`${id}`), sql`, `);
  const conditions = [sql`c.deleted_at IS NULL`, sql`d.deleted_at IS NULL`, sql`d.workspace_id IN (${ws})`];
  if (f.verdict) conditions.push(f.verdict === 'none' ? sql`c.verdict IS NULL` : sql`c.verdict = ${f.verdict}`);
  if (f.status) conditions.push(sql`c.status = ${f.status}`);
  if (f.language) conditions.push(sql`(d.language = ${f.language} OR d.language LIKE ${`${f.language}-%`})`);
  if (f.tag) conditions.push(sql`EXISTS (SELECT 1 FROM json_each(c.tags) WHERE lower(json_each.value) = lower(${f.tag}))`);
  if (f.from) conditions.push(sql`c.updated_at >= ${Date.parse(`${f.from}T00:00:00Z`)}`);
  if (f.to) conditions.push(sql`c.updated_at < ${Date.parse(`${f.to}T00:00:00Z`) + 86_400_000}`);
  const where = sql.join(conditions, sql` AND `);
  type Row = { id: string; statement: string; verdict: string | null; status: string; documentId: string; documentTitle: string; language: string; updatedAt: number; snippet: string | null };
  if (!match) {
    return db.all<Row>(sql`
      SELECT c.id, c.statement, c.verdict, c.status, c.document_id AS documentId, d.title AS documentTitle, d.language, c.updated_at AS updatedAt, NULL AS snippet
      FROM claims c JOIN documents d ON d.id = c.document_id WHERE ${where} ORDER BY c.updated_at DESC LIMIT ${limit}`);
  }
  return db.all<Row>(sql`
    SELECT c.id, c.statement, c.verdict, c.status, c.document_id AS documentId, d.title AS documentTitle, d.language, c.updated_at AS updatedAt,
           snippet(claims_text, -1, ${HIT_START}, ${HIT_END}, '…', 14) AS snippet
    FROM claims_text t JOIN claims c ON c.rowid = t.rowid JOIN documents d ON d.id = c.document_id
    WHERE claims_text MATCH ${match} AND ${where}
    ORDER BY bm25(claims_text, 0, 0, 4, 2, 1, 2, 1) LIMIT ${limit}`);
}

/** Documents matching an FTS5 query in the given workspaces, best first, with a highlighted snippet of the title or text. */
export async function searchDocumentTexts(match: string, f: SearchFilters, limit: number, db: DbOrTx = getDb()) {
  const ws = sql.join(f.workspaceIds.map((id) => sql`${id}`), sql`, `);
  const conditions = [sql`d.deleted_at IS NULL`, sql`d.workspace_id IN (${ws})`];
  if (f.language) conditions.push(sql`(d.language = ${f.language} OR d.language LIKE ${`${f.language}-%`})`);
  if (f.from) conditions.push(sql`d.updated_at >= ${Date.parse(`${f.from}T00:00:00Z`)}`);
  if (f.to) conditions.push(sql`d.updated_at < ${Date.parse(`${f.to}T00:00:00Z`) + 86_400_000}`);
  return db.all<{ id: string; title: string; language: string; status: string; snippet: string }>(sql`
    SELECT d.id, d.title, d.language, d.status, snippet(documents_search, -1, ${HIT_START}, ${HIT_END}, '…', 16) AS snippet
    FROM documents_search s JOIN documents d ON d.id = s.document_id
    WHERE documents_search MATCH ${match} AND ${sql.join(conditions, sql` AND `)}
    ORDER BY bm25(documents_search, 0, 5, 1) LIMIT ${limit}`);
}
