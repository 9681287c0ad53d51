/**
 * The document list: the documents of the caller's workspaces, searched (title and text,
 * through the FTS5 index), filtered, sorted and paged in SQLite (db/queries/document-list.ts)
 * — the list stays fast with tens of thousands of documents (bench/documents-list.ts).
 */
import 'server-only';
import { z } from 'zod';
import { DOCUMENT_STATUSES } from '@/db/enums';
import { queryDocumentPage } from '@/db/queries/document-list';
import { searchWords } from '@/db/queries/text-query';
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

/** One page of the caller's documents, with the total that match. */
export async function listDocuments(userId: string, query: ListQuery) {
  const memberships = await getMembershipsByUserId(userId);
  const workspaceIds = memberships.map((m) => m.workspaceId).filter((id) => !query.workspaceId || id === query.workspaceId);
  const match = query.q ? searchWords(query.q) : null;
  const page = { workspaces: memberships, page: query.page, pageSize: PAGE_SIZE };
  // Nobody's workspace, or a search for nothing searchable: nothing matches.
  if (!workspaceIds.length || (query.q && !match)) return { ...page, documents: [], total: 0, pages: 0 };
  const sort = query.sort ?? (match ? 'relevance' : 'updated');
  const { total, documents } = await queryDocumentPage({
    workspaceIds,
    archived: query.archived === '1',
    status: query.status,
    language: query.language,
    assigneeId: query.assignee === 'me' ? userId : query.assignee,
    openClaims: query.open === '1',
    editedFrom: query.from ? Date.parse(`${query.from}T00:00:00Z`) : undefined,
    editedBefore: query.to ? Date.parse(`${query.to}T00:00:00Z`) + 86_400_000 : undefined,
    match,
    sort,
    dir: query.dir ?? (sort === 'title' || sort === 'status' || sort === 'relevance' ? 'asc' : 'desc'),
    offset: (query.page - 1) * PAGE_SIZE,
    limit: PAGE_SIZE,
  });
  return { ...page, documents, total, pages: Math.ceil(total / PAGE_SIZE) };
}
