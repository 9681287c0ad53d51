/**
 * Claim memory: "have we checked this before?" The claims of the workspace's other documents
 * that say the same thing as a claim, ranked by lib/claims/similarity.ts over candidates the
 * FTS5 index finds by shared stems.
 */
import 'server-only';
import { getDb } from '@/db';
import { getClaimCandidates, getClaimIdsWithoutEntries, setClaimStems, type ClaimEntry } from '@/db/queries/claim-search';
import { getClaimsByDocumentId, getClaimWithSources } from '@/db/queries/claims';
import { getDecisionScores, getNotSameIds, getSameClaims } from '@/db/queries/claim-links';
import { getDocumentById } from '@/db/queries/documents';
import { matchLanguage, signatureOf, similarity, stems, tunedThreshold } from './similarity';

/** What a claim's search entries hold. */
function entryOf(claim: NonNullable<ReturnType<typeof getClaimWithSources>>, language: string): ClaimEntry {
  return {
    stems: stems(`${claim.statement} ${claim.quoteExact}`, matchLanguage(language)).join(' '),
    statement: claim.statement,
    quote: claim.quoteExact,
    rationale: claim.rationale ?? '',
    tags: claim.tags.join(' '),
    sources: claim.sources.map((s) => [s.title, s.publisher].filter(Boolean).join(' ')).join(' · '),
  };
}

/** Writes (or removes) a claim's entries in the claim memory and the search; call after the change committed (never inside the keystroke path). */
export function indexClaim(claimId: string): void {
  const claim = getClaimWithSources(claimId);
  const document = claim ? getDocumentById(claim.documentId) : undefined;
  if (!claim || !document || claim.deletedAt) {
    setClaimStems(claimId, '', null);
    return;
  }
  setClaimStems(claimId, document.workspaceId, entryOf(claim, document.language));
}

/** Indexes the claims made before the indexes existed (or imported); returns how many. */
export function indexMissingClaims(): number {
  const ids = getClaimIdsWithoutEntries();
  getDb().transaction(() => {
    for (const id of ids) indexClaim(id);
  });
  return ids.length;
}

export interface SimilarClaim {
  claim: { id: string; statement: string; quote: string; verdict: string | null; status: string; updatedAt: string; approvedByName: string | null };
  document: { id: string; title: string };
  score: number;
}

/** The document's claims the desk checked before elsewhere (suggested or linked as the same claim), with how many. */
export function checkedBefore(documentId: string, workspaceId: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const c of getClaimsByDocumentId(documentId)) {
    const n = similarClaims(c.id, workspaceId).length + getSameClaims(c.id).length;
    if (n) counts[c.id] = n;
  }
  return counts;
}

/** How similar two claims are (for the decisions' records). */
export function claimSimilarity(a: string, b: string): number {
  const sig = (id: string) => {
    const c = getClaimWithSources(id);
    const d = c ? getDocumentById(c.documentId) : undefined;
    return c && d ? signatureOf({ statement: c.statement, quote: c.quoteExact }, d.language) : null;
  };
  const x = sig(a);
  const y = sig(b);
  return x && y ? similarity(x, y) : 0;
}

/** The claims a reviewer linked to this one as the same claim (either way). */
export function sameClaims(claimId: string) {
  return getSameClaims(claimId).map((c) => ({ claim: { id: c.id, statement: c.statement, verdict: c.verdict, status: c.status }, document: { id: c.documentId, title: c.documentTitle } }));
}

/**
 * Up to five earlier claims of the workspace (in other documents) that say what this claim
 * says, best first — not those already linked to it either way, and above the desk's tuned threshold.
 */
export function similarClaims(claimId: string, workspaceId: string): SimilarClaim[] {
  const claim = getClaimWithSources(claimId);
  const document = claim ? getDocumentById(claim.documentId) : undefined;
  if (!claim || !document) return [];
  const text = { statement: claim.statement, quote: claim.quoteExact };
  const own = signatureOf(text, document.language);
  const threshold = tunedThreshold(getDecisionScores(workspaceId));
  const excluded = new Set([...getNotSameIds(claimId), ...getSameClaims(claimId).map((c) => c.id)]);
  return getClaimCandidates(workspaceId, stems(`${text.statement} ${text.quote}`, matchLanguage(document.language)), claim.documentId)
    .filter((c) => !excluded.has(c.id))
    .map((c) => ({ c, score: similarity(own, signatureOf({ statement: c.statement, quote: c.quote }, c.language, { detect: false })) }))
    .filter((m) => m.score >= threshold)
    .sort((a, b) => b.score - a.score)
    .slice(0, 5)
    .map(({ c, score }) => ({
      claim: { id: c.id, statement: c.statement, quote: c.quote, verdict: c.verdict, status: c.status, updatedAt: new Date(c.updatedAt).toISOString(), approvedByName: c.approvedByName },
      document: { id: c.documentId, title: c.documentTitle },
      score: Math.round(score * 1000) / 1000,
    }));
}
