/**
 * Search over the caller's workspaces: claims (statement, quote, rationale, tags, the sources'
 * titles) and documents (title, text), with snippets whose matches are marked (by the
 * HIT_START/HIT_END characters, never HTML) and filters. GET /api/search and the Search page.
 */
import 'server-only';
import { z } from 'zod';
import { CLAIM_STATUSES, VERDICTS } from '@/db/enums';
import { searchClaims, searchDocumentTexts } from '@/db/queries/claim-search';
import { getMembershipsByUserId } from '@/db/queries/users';
import { searchWords } from '@/db/queries/text-query';
import { canonicalLanguage } from '../languages';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date (YYYY-MM-DD)');

export const searchQuerySchema = z
  .object({
    q: z.string().max(500).optional(),
    verdict: z.enum([...VERDICTS, 'none']).optional(),
    status: z.enum(CLAIM_STATUSES).optional(),
    language: z.string().max(35).optional(),
    tag: z.string().max(100).optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
  })
  .strict();
export type SearchQuery = z.infer<typeof searchQuerySchema>;

/** The claims and documents matching a search (at most 50 of each), only in the caller's workspaces. */
export async function search(userId: string, query: SearchQuery) {
  const workspaceIds = (await getMembershipsByUserId(userId)).map((m) => m.workspaceId);
  const match = query.q?.trim() ? searchWords(query.q) : null;
  const filters = { workspaceIds, verdict: query.verdict, status: query.status, language: query.language ? (canonicalLanguage(query.language) ?? query.language) : undefined, tag: query.tag?.trim() || undefined, from: query.from, to: query.to };
  if (!workspaceIds.length || (query.q?.trim() && !match)) return { claims: [], documents: [] };
  const claims = (await searchClaims(match, filters, 50)).map((c) => ({
    id: c.id,
    statement: c.statement,
    verdict: c.verdict,
    status: c.status,
    updatedAt: new Date(c.updatedAt).toISOString(),
    document: { id: c.documentId, title: c.documentTitle, language: c.language },
    snippet: c.snippet,
  }));
  // Documents have no verdict, status of claims or tags: those filters ask for claims only.
  const claimOnly = filters.verdict || filters.status || filters.tag;
  const documents = match && !claimOnly ? await searchDocumentTexts(match, filters, 50) : [];
  return { claims, documents };
}
