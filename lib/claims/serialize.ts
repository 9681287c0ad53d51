/** The shapes claims and sources take in API responses (field names integrators rely on). */
import type { ClaimWithSources } from '@/db/queries/claims';
import type { SourceRow } from '@/db/schema';

/** A source's content without its id: what a report prints and a sign-off hashes. */
export function sourceContent(s: SourceRow) {
  return {
    url: s.url,
    title: s.title,
    publisher: s.publisher,
    publishedAt: s.publishedAt,
    accessedAt: s.accessedAt,
    excerpt: s.excerpt,
    kind: s.kind,
    stance: s.stance,
  };
}

/** A source as the API returns it. */
export function serializeSource(s: SourceRow) {
  return { id: s.id, ...sourceContent(s) };
}

/** A claim as the API returns it. */
export function serializeClaim(c: ClaimWithSources) {
  return {
    id: c.id,
    documentId: c.documentId,
    from: c.from,
    to: c.to,
    quote: { exact: c.quoteExact, prefix: c.quotePrefix, suffix: c.quoteSuffix },
    statement: c.statement,
    claimant: c.claimant,
    claimDate: c.claimDate,
    verdict: c.verdict,
    rationale: c.rationale,
    tags: c.tags,
    assigneeId: c.assigneeId,
    status: c.status,
    proposedBy: c.proposedBy,
    proposedAt: c.proposedAt?.toISOString() ?? null,
    approvedBy: c.approvedBy,
    approvedAt: c.approvedAt?.toISOString() ?? null,
    lastChangedBy: c.lastChangedBy,
    dismissReason: c.dismissReason,
    orphaned: c.orphaned,
    rowVersion: c.rowVersion,
    sources: c.sources.map(serializeSource),
    createdBy: c.createdBy,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

/** A claim as the API and the editor see it. */
export type ClaimJSON = ReturnType<typeof serializeClaim>;
/** A source as the API and the editor see it. */
export type SourceJSON = ReturnType<typeof serializeSource>;
