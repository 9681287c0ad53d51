/**
 * The document list: the documents of the caller's workspaces, searched (title and text,
 * through the FTS5 index), filtered, sorted and paged in SQLite — the list stays fast with
 * tens of thousands of documents (bench/documents/list.ts).
 */
import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db';
import { DOCUMENT_STATUSES } from '@/db/enums';
import { getMembershipsByUserId } from '@/db/queries/users';
import { isoDate } from '../claims/validation';
import { languageTag } from '../validation';

/** Documents on one page of the list. */
export const PAGE_SIZE = 50;

export const LIST_SORTS = ['updated', 'created', 'title', 'status', 'relevance'] as const;

/** The list's query string (`GET /api/documents` and the Documents page alike). */
export const listQuerySchema = z.object({
  q: z.string().trim().max(200).optional(),
  status: z.enum(DOCUMENT_STATUSES).optional(),
  language: languageTag.optional(),
  /** A member's id, or `me`: documents with a claim assigned to them. */
  assignee: z.string().trim().min(1).max(100).optional(),
  /** `1`: only documents with claims neither approved nor dismissed. */
  open: z.enum(['1']).optional(),
  /** Last edited on or after / on or before (YYYY-MM-DD, UTC). */
  from: isoDate.optional(),
  to: isoDate.optional(),
  /** `1`: the archived documents instead of the others. */
  archived: z.enum(['1']).optional(),
  workspaceId: z.string().trim().min(1).max(100).optional(),
  sort: z.enum(LIST_SORTS).optional(),
  dir: z.enum(['asc', 'desc']).optional(),
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
});
export type ListQuery = z.infer<typeof listQuerySchema>;

/** An FTS5 query for what a person typed: every word must occur (the last may be a prefix). */
export function ftsQuery(q: string): string | null {
  const words = q.match(/[\p{L}\p{N}]+/gu);
  if (!words?.length) return null;
  return words.map((w, i) => `"${w}"${i === words.length - 1 ? '*' : ''}`).join(' ');
}

export interface ListedDocument {
  id: string;
  workspaceId: string;
  title: string;
  language: string;
  status: (typeof DOCUMENT_STATUSES)[number];
  version: number;
  updatedAt: Date;
  archivedAt: Date | null;
  updatedByName: string | null;
  claims: number;
  claimsDone: number;
}

/** One page of the caller's documents, with the total that match. */
export function listDocuments(userId: string, query: ListQuery) {
  const memberships = getMembershipsByUserId(userId);
  const workspaceIds = memberships.map((m) => m.workspaceId).filter((id) => !query.workspaceId || id === query.workspaceId);
  const empty = { documents: [] as ListedDocument[], total: 0, page: query.page, pageSize: PAGE_SIZE, pages: 0 };
  if (!workspaceIds.length) return { ...empty, workspaces: memberships };
  const where: SQL[] = [sql`d.workspace_id IN (${sql.join(workspaceIds.map((id) => sql`${id}`), sql`, `)})`, sql`d.deleted_at IS NULL`];
  where.push(query.archived ? sql`d.archived_at IS NOT NULL` : sql`d.archived_at IS NULL`);
  if (query.status) where.push(sql`d.status = ${query.status}`);
  if (query.language) where.push(sql`d.language = ${query.language}`);
  if (query.assignee) {
    const assignee = query.assignee === 'me' ? userId : query.assignee;
    where.push(sql`EXISTS (SELECT 1 FROM claims c WHERE c.document_id = d.id AND c.deleted_at IS NULL AND c.assignee_id = ${assignee})`);
  }
  if (query.open) where.push(sql`EXISTS (SELECT 1 FROM claims c WHERE c.document_id = d.id AND c.deleted_at IS NULL AND c.status NOT IN ('approved', 'dismissed'))`);
  if (query.from) where.push(sql`d.updated_at >= ${Date.parse(`${query.from}T00:00:00Z`)}`);
  if (query.to) where.push(sql`d.updated_at < ${Date.parse(`${query.to}T00:00:00Z`) + 86_400_000}`);
  const match = query.q ? ftsQuery(query.q) : null;
  if (query.q && !match) return { ...empty, workspaces: memberships };
  const from = match
    ? sql`documents d JOIN (SELECT document_id, bm25(documents_search, 0, 5, 1) AS rank FROM documents_search WHERE documents_search MATCH ${match}) s ON s.document_id = d.id`
    : sql`documents d`;
  const condition = sql.join(where, sql` AND `);
  const sort = query.sort ?? (match ? 'relevance' : 'updated');
  const dir = query.dir ?? (sort === 'title' || sort === 'status' || sort === 'relevance' ? 'asc' : 'desc');
  const column = { updated: sql`d.updated_at`, created: sql`d.created_at`, title: sql`d.title COLLATE NOCASE`, status: sql`d.status`, relevance: match ? sql`s.rank` : sql`d.updated_at` }[sort];
  const order = sql`${column} ${dir === 'asc' ? sql`ASC` : sql`DESC`}, d.id`;
  const db = getDb();
  const total = db.get<{ n: number }>(sql`SELECT count(*) AS n FROM ${from} WHERE ${condition}`)!.n;
  const rows = db.all<Omit<ListedDocument, 'updatedAt' | 'archivedAt'> & { updatedAt: number; archivedAt: number | null }>(sql`
    SELECT d.id, d.workspace_id AS workspaceId, d.title, d.language, d.status, d.version, d.updated_at AS updatedAt, d.archived_at AS archivedAt,
      u.name AS updatedByName,
      (SELECT count(*) FROM claims c WHERE c.document_id = d.id AND c.deleted_at IS NULL) AS claims,
      (SELECT count(*) FROM claims c WHERE c.document_id = d.id AND c.deleted_at IS NULL AND c.status IN ('approved', 'dismissed')) AS claimsDone
    FROM ${from} LEFT JOIN users u ON u.id = d.updated_by
    WHERE ${condition}
    ORDER BY ${order}
    LIMIT ${PAGE_SIZE} OFFSET ${(query.page - 1) * PAGE_SIZE}`);
  return {
    workspaces: memberships,
    documents: rows.map((r) => ({ ...r, updatedAt: new Date(r.updatedAt), archivedAt: r.archivedAt === null ? null : new Date(r.archivedAt) })),
    total,
    page: query.page,
    pageSize: PAGE_SIZE,
    pages: Math.ceil(total / PAGE_SIZE),
  };
}
