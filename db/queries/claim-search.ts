/**
 * The claim memory's index and the search over claims and documents. SQLite: FTS5 tables
 * (migrations 0013, 0016, 0018, 0019), entries keyed by the claim row's rowid. PostgreSQL:
 * tables with generated tsvector columns and GIN indexes (db/migrations/pg 0003), keyed by
 * claim id. Each function speaks both; the rest of the app sees one.
 */
import { sql, type SQL } from 'drizzle-orm';
import { dialectOf, exec, getDb, rows, type DbOrTx, type Tx } from '../index';
import { fts5Match, pgLexemeQuery, pgTsQuery, timeParam, type SearchWords } from './text-query';

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
 * Replaces a claim's entries (or removes them when `entry` is null). On SQLite the entries'
 * rowid is the claim row's own rowid, so that finding and replacing one never scans the index.
 */
export async function setClaimStems(claimId: string, workspaceId: string, entry: ClaimEntry | null, db: Tx) {
  if (dialectOf(db) === 'postgresql') {
    await exec(db, sql`DELETE FROM claims_search WHERE claim_id = ${claimId}`);
    await exec(db, sql`DELETE FROM claims_text WHERE claim_id = ${claimId}`);
    if (!entry) return;
    await exec(db, sql`INSERT INTO claims_search (claim_id, workspace_id, stems) VALUES (${claimId}, ${workspaceId}, ${entry.stems})`);
    await exec(db, sql`INSERT INTO claims_text (claim_id, workspace_id, statement, quote, rationale, tags, sources)
      VALUES (${claimId}, ${workspaceId}, ${entry.statement}, ${entry.quote}, ${entry.rationale}, ${entry.tags}, ${entry.sources})`);
    return;
  }
  const row = (await rows<{ rowid: number }>(db, sql`SELECT rowid FROM claims WHERE id = ${claimId}`))[0];
  if (!row) return;
  await exec(db, sql`DELETE FROM claims_search WHERE rowid = ${row.rowid}`);
  await exec(db, sql`DELETE FROM claims_text WHERE rowid = ${row.rowid}`);
  if (!entry) return;
  await exec(db, sql`INSERT INTO claims_search (rowid, claim_id, workspace_id, stems) VALUES (${row.rowid}, ${claimId}, ${workspaceId}, ${entry.stems})`);
  await exec(db, sql`INSERT INTO claims_text (rowid, claim_id, workspace_id, statement, quote, rationale, tags, sources)
    VALUES (${row.rowid}, ${claimId}, ${workspaceId}, ${entry.statement}, ${entry.quote}, ${entry.rationale}, ${entry.tags}, ${entry.sources})`);
}

/**
 * The claims of a workspace sharing words with `stems` (any of them), best first, with what
 * the ranking needs: statement, quote, verdict, status, document and who approved it.
 */
export async function getClaimCandidates(workspaceId: string, stems: string[], excludeDocumentId: string, limit = 100, db: DbOrTx = getDb()) {
  const unique = [...new Set(stems)].map((s) => s.replace(/["'\\]/g, '')).filter(Boolean);
  if (!unique.length) return [];
  // The rarest stems find the same claims as all of them, without ranking every claim that shares a common word.
  const inList = sql.join(unique.map((s) => sql`${s}`), sql`, `);
  const counts = new Map((await rows<{ term: string; doc: number }>(db, sql`SELECT term, doc FROM claims_search_vocab WHERE term IN (${inList})`)).map((r) => [r.term, r.doc]));
  const rarest = unique.filter((s) => counts.has(s)).sort((a, b) => counts.get(a)! - counts.get(b)!).slice(0, 4);
  if (!rarest.length) return [];
  // Claims holding the three rarest stems together first (few, and the likeliest); when they
  // are not enough, those holding any of the four.
  const all = await candidates(workspaceId, rarest.slice(0, 3), '&', excludeDocumentId, limit, db);
  if (all.length >= 20 || rarest.length === 1) return all;
  const seen = new Set(all.map((c) => c.id));
  return [...all, ...(await candidates(workspaceId, rarest, '|', excludeDocumentId, limit, db)).filter((c) => !seen.has(c.id))].slice(0, limit);
}

function candidates(workspaceId: string, stems: string[], join: '&' | '|', excludeDocumentId: string, limit: number, db: DbOrTx) {
  const pg = dialectOf(db) === 'postgresql';
  // PostgreSQL: a tsquery of the exact stems; SQLite: an FTS5 query of them.
  const query = pg ? pgLexemeQuery(stems, join) : stems.map((s) => `"${s}"`).join(join === '&' ? ' AND ' : ' OR ');
  const from = pg
    ? sql`claims_search s JOIN claims c ON c.id = s.claim_id`
    : sql`claims_search s JOIN claims c ON c.rowid = s.rowid`;
  const matches = pg ? sql`s.tsv @@ ${query}` : sql`claims_search MATCH ${query}`;
  const rank = pg ? sql`ts_rank(s.tsv, ${query}) DESC` : sql`bm25(claims_search)`;
  return rows<{
    id: string;
    statement: string;
    quote: string;
    verdict: string | null;
    status: string;
    documentId: string;
    documentTitle: string;
    language: string;
    updatedAt: number | Date;
    approvedByName: string | null;
  }>(db, sql`
    SELECT c.id, c.statement, c.quote_exact AS quote, c.verdict, c.status, c.document_id AS "documentId", d.title AS "documentTitle",
           d.language, c.updated_at AS "updatedAt", u.name AS "approvedByName"
    FROM ${from}
    JOIN documents d ON d.id = c.document_id
    LEFT JOIN users u ON u.id = c.approved_by
    WHERE ${matches} AND s.workspace_id = ${workspaceId} AND c.deleted_at IS NULL AND d.deleted_at IS NULL AND c.document_id <> ${excludeDocumentId}
    ORDER BY ${rank}
    LIMIT ${limit}`);
}

/** Ids of claims that have no entry yet (from before the indexes, or copied from another engine). */
export async function getClaimIdsWithoutEntries(db: DbOrTx = getDb()): Promise<string[]> {
  const query =
    dialectOf(db) === 'postgresql'
      ? sql`SELECT c.id FROM claims c WHERE c.deleted_at IS NULL AND (NOT EXISTS (SELECT 1 FROM claims_search s WHERE s.claim_id = c.id) OR NOT EXISTS (SELECT 1 FROM claims_text t WHERE t.claim_id = c.id))`
      : sql`SELECT c.id FROM claims c WHERE c.deleted_at IS NULL AND (c.rowid NOT IN (SELECT rowid FROM claims_search) OR c.rowid NOT IN (SELECT rowid FROM claims_text))`;
  return (await rows<{ id: string }>(db, query)).map((r) => r.id);
}

/** Snippet markers: the search's matches are wrapped in these (never HTML), the page turns them into <mark>. */
export const HIT_START = '\u0002';
export const HIT_END = '\u0003';

/** ts_headline's options for a snippet of about `words` words with the markers above. */
function headlineOptions(words: number): string {
  return `StartSel=${HIT_START}, StopSel=${HIT_END}, MaxWords=${words}, MinWords=${Math.ceil(words / 2)}, MaxFragments=1, FragmentDelimiter=…`;
}

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

/** Conditions on the last change (`column`) from the filters' dates. */
function dateConditions(db: DbOrTx, column: SQL, f: SearchFilters): SQL[] {
  const dialect = dialectOf(db);
  const out: SQL[] = [];
  if (f.from) out.push(sql`${column} >= ${timeParam(dialect, Date.parse(`${f.from}T00:00:00Z`))}`);
  if (f.to) out.push(sql`${column} < ${timeParam(dialect, Date.parse(`${f.to}T00:00:00Z`) + 86_400_000)}`);
  return out;
}

/** Claims matching the words in the given workspaces and filters, best first, with a highlighted snippet. */
export async function searchClaims(words: SearchWords | null, f: SearchFilters, limit: number, db: DbOrTx = getDb()) {
  const pg = dialectOf(db) === 'postgresql';
  const ws = sql.join(f.workspaceIds.map((id) => sql`${id}`), sql`, `);
  const conditions = [sql`c.deleted_at IS NULL`, sql`d.deleted_at IS NULL`, sql`d.workspace_id IN (${ws})`];
  if (f.verdict) conditions.push(f.verdict === 'none' ? sql`c.verdict IS NULL` : sql`c.verdict = ${f.verdict}`);
  if (f.status) conditions.push(sql`c.status = ${f.status}`);
  if (f.language) conditions.push(sql`(d.language = ${f.language} OR d.language LIKE ${`${f.language}-%`})`);
  if (f.tag) {
    conditions.push(
      pg
        ? sql`EXISTS (SELECT 1 FROM json_array_elements_text(c.tags) AS t(v) WHERE lower(t.v) = lower(${f.tag}))`
        : sql`EXISTS (SELECT 1 FROM json_each(c.tags) WHERE lower(json_each.value) = lower(${f.tag}))`,
    );
  }
  conditions.push(...dateConditions(db, sql`c.updated_at`, f));
  const where = sql.join(conditions, sql` AND `);
  type Row = { id: string; statement: string; verdict: string | null; status: string; documentId: string; documentTitle: string; language: string; updatedAt: number | Date; snippet: string | null };
  const columns = sql`c.id, c.statement, c.verdict, c.status, c.document_id AS "documentId", d.title AS "documentTitle", d.language, c.updated_at AS "updatedAt"`;
  if (!words) {
    return rows<Row>(db, sql`
      SELECT ${columns}, NULL AS snippet
      FROM claims c JOIN documents d ON d.id = c.document_id WHERE ${where} ORDER BY c.updated_at DESC LIMIT ${limit}`);
  }
  if (pg) {
    const q = pgTsQuery(words);
    return rows<Row>(db, sql`
      SELECT ${columns},
             ts_headline('factdesk', concat_ws(' … ', nullif(t.statement, ''), nullif(t.quote, ''), nullif(t.rationale, ''), nullif(t.tags, ''), nullif(t.sources, '')), ${q}, ${headlineOptions(14)}) AS snippet
      FROM claims_text t JOIN claims c ON c.id = t.claim_id JOIN documents d ON d.id = c.document_id
      WHERE t.tsv @@ ${q} AND ${where}
      ORDER BY ts_rank(t.tsv, ${q}) DESC, c.id LIMIT ${limit}`);
  }
  return rows<Row>(db, sql`
    SELECT ${columns}, snippet(claims_text, -1, ${HIT_START}, ${HIT_END}, '…', 14) AS snippet
    FROM claims_text t JOIN claims c ON c.rowid = t.rowid JOIN documents d ON d.id = c.document_id
    WHERE claims_text MATCH ${fts5Match(words)} AND ${where}
    ORDER BY bm25(claims_text, 0, 0, 4, 2, 1, 2, 1) LIMIT ${limit}`);
}

/** Documents matching the words in the given workspaces, best first, with a highlighted snippet of the title or text. */
export async function searchDocumentTexts(words: SearchWords, f: SearchFilters, limit: number, db: DbOrTx = getDb()) {
  const ws = sql.join(f.workspaceIds.map((id) => sql`${id}`), sql`, `);
  const conditions = [sql`d.deleted_at IS NULL`, sql`d.workspace_id IN (${ws})`];
  if (f.language) conditions.push(sql`(d.language = ${f.language} OR d.language LIKE ${`${f.language}-%`})`);
  conditions.push(...dateConditions(db, sql`d.updated_at`, f));
  type Row = { id: string; title: string; language: string; status: string; snippet: string };
  if (dialectOf(db) === 'postgresql') {
    const q = pgTsQuery(words);
    return rows<Row>(db, sql`
      SELECT d.id, d.title, d.language, d.status,
             CASE WHEN to_tsvector('factdesk', s.body) @@ ${q} THEN ts_headline('factdesk', s.body, ${q}, ${headlineOptions(16)})
                  ELSE ts_headline('factdesk', s.title, ${q}, ${headlineOptions(16)}) END AS snippet
      FROM documents_search s JOIN documents d ON d.id = s.document_id
      WHERE s.tsv @@ ${q} AND ${sql.join(conditions, sql` AND `)}
      ORDER BY ts_rank(s.tsv, ${q}) DESC, d.id LIMIT ${limit}`);
  }
  return rows<Row>(db, sql`
    SELECT d.id, d.title, d.language, d.status, snippet(documents_search, -1, ${HIT_START}, ${HIT_END}, '…', 16) AS snippet
    FROM documents_search s JOIN documents d ON d.id = s.document_id
    WHERE documents_search MATCH ${fts5Match(words)} AND ${sql.join(conditions, sql` AND `)}
    ORDER BY bm25(documents_search, 0, 5, 1) LIMIT ${limit}`);
}
