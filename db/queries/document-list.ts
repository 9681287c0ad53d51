/**
 * The document list's query (lib/documents/list.ts decides what is asked): filters, the
 * full-text search over `documents_search` (FTS5 on SQLite, a tsvector on PostgreSQL),
 * sorting and one page, with the total that match.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { DocumentStatus } from '../enums';
import { dialectOf, getDb, rows, type DbOrTx } from '../index';
import { fts5Match, pgTsQuery, timeParam, type SearchWords } from './text-query';

export interface DocumentPageFilter {
  workspaceIds: string[];
  archived: boolean;
  status?: DocumentStatus;
  language?: string;
  /** Documents with a live claim assigned to this member. */
  assigneeId?: string;
  /** Documents with a claim neither approved nor dismissed. */
  openClaims: boolean;
  /** Last edit at or after / before, in ms since the epoch. */
  editedFrom?: number;
  editedBefore?: number;
  /** The words searched for; null for no search. */
  match: SearchWords | null;
  sort: 'updated' | 'created' | 'title' | 'status' | 'relevance';
  dir: 'asc' | 'desc';
  offset: number;
  limit: number;
}

export interface ListedDocument {
  id: string;
  workspaceId: string;
  title: string;
  language: string;
  status: DocumentStatus;
  version: number;
  updatedAt: Date;
  archivedAt: Date | null;
  updatedByName: string | null;
  claims: number;
  claimsDone: number;
}

/** One page of documents matching the filter, and how many match in all. */
export async function queryDocumentPage(f: DocumentPageFilter, db: DbOrTx = getDb()): Promise<{ total: number; documents: ListedDocument[] }> {
  if (!f.workspaceIds.length) return { total: 0, documents: [] };
  const dialect = dialectOf(db);
  const where: SQL[] = [sql`d.workspace_id IN (${sql.join(f.workspaceIds.map((id) => sql`${id}`), sql`, `)})`, sql`d.deleted_at IS NULL`];
  where.push(f.archived ? sql`d.archived_at IS NOT NULL` : sql`d.archived_at IS NULL`);
  if (f.status) where.push(sql`d.status = ${f.status}`);
  if (f.language) where.push(sql`d.language = ${f.language}`);
  if (f.assigneeId) where.push(sql`EXISTS (SELECT 1 FROM claims c WHERE c.document_id = d.id AND c.deleted_at IS NULL AND c.assignee_id = ${f.assigneeId})`);
  if (f.openClaims) where.push(sql`EXISTS (SELECT 1 FROM claims c WHERE c.document_id = d.id AND c.deleted_at IS NULL AND c.status NOT IN ('approved', 'dismissed'))`);
  if (f.editedFrom !== undefined) where.push(sql`d.updated_at >= ${timeParam(dialect, f.editedFrom)}`);
  if (f.editedBefore !== undefined) where.push(sql`d.updated_at < ${timeParam(dialect, f.editedBefore)}`);
  // The title weighs more than the text in the ranking (five times in BM25; weight A against B
  // in ts_rank). `rank` sorts ascending from the best on both engines.
  const search = !f.match
    ? undefined
    : dialect === 'postgresql'
      ? sql`SELECT document_id, -ts_rank(tsv, ${pgTsQuery(f.match)}) AS rank FROM documents_search WHERE tsv @@ ${pgTsQuery(f.match)}`
      : sql`SELECT document_id, bm25(documents_search, 0, 5, 1) AS rank FROM documents_search WHERE documents_search MATCH ${fts5Match(f.match)}`;
  const from = search ? sql`documents d JOIN (${search}) s ON s.document_id = d.id` : sql`documents d`;
  const condition = sql.join(where, sql` AND `);
  // lower(): case-insensitive on both engines (ASCII letters on SQLite, as COLLATE NOCASE).
  const column = { updated: sql`d.updated_at`, created: sql`d.created_at`, title: sql`lower(d.title)`, status: sql`d.status`, relevance: search ? sql`s.rank` : sql`d.updated_at` }[f.sort];
  const order = sql`${column} ${f.dir === 'asc' ? sql`ASC` : sql`DESC`}, d.id`;
  const total = (await rows<{ n: number }>(db, sql`SELECT count(*) AS n FROM ${from} WHERE ${condition}`))[0]!.n;
  const page = await rows<Omit<ListedDocument, 'updatedAt' | 'archivedAt'> & { updatedAt: number | Date; archivedAt: number | Date | null }>(db, sql`
    SELECT d.id, d.workspace_id AS "workspaceId", d.title, d.language, d.status, d.version, d.updated_at AS "updatedAt", d.archived_at AS "archivedAt",
      u.name AS "updatedByName",
      (SELECT count(*) FROM claims c WHERE c.document_id = d.id AND c.deleted_at IS NULL) AS claims,
      (SELECT count(*) FROM claims c WHERE c.document_id = d.id AND c.deleted_at IS NULL AND c.status IN ('approved', 'dismissed')) AS "claimsDone"
    FROM ${from} LEFT JOIN users u ON u.id = d.updated_by
    WHERE ${condition}
    ORDER BY ${order}
    LIMIT ${f.limit} OFFSET ${f.offset}`);
  return { total, documents: page.map((r) => ({ ...r, updatedAt: new Date(r.updatedAt), archivedAt: r.archivedAt === null ? null : new Date(r.archivedAt) })) };
}
