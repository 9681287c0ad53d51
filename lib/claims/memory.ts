/**
 * Claim memory: "have we checked this before?" The claims of the workspace's other documents
 * that say the same thing as a claim, ranked by lib/claims/similarity.ts over candidates the
 * FTS5 index finds by shared stems.
 */
import 'server-only';
import { lockForUpdate, writeTransaction, type Tx } from '@/db';
import { claims } from '@/db/schema';
import { getClaimCandidates, getClaimIdsWithoutEntries, setClaimStems, type ClaimEntry } from '@/db/queries/claim-search';
import { getClaimsByDocumentId, getClaimWithSources, type ClaimWithSources } from '@/db/queries/claims';
import { getDecisionScores, getNotSameIds, getSameClaims } from '@/db/queries/claim-links';
import { getDocumentById } from '@/db/queries/documents';
import { matchLanguage, signatureOf, similarity, stems, tunedThreshold } from './similarity';

/** What a claim's search entries hold. */
function entryOf(claim: ClaimWithSources, language: string): ClaimEntry {
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
export function indexClaim(claimId: string): Promise<void> {
  return writeTransaction((tx) => indexClaimIn(tx, claimId));
}

async function indexClaimIn(tx: Tx, claimId: string): Promise<void> {
  // Two servers indexing the same claim at once take turns (each rewrites its entries).
  await lockForUpdate(tx, claims, claimId);
  const claim = await getClaimWithSources(claimId, tx);
  const document = claim ? await getDocumentById(claim.documentId, tx) : undefined;
  if (!claim || !document || claim.deletedAt) {
    await setClaimStems(claimId, '', null, tx);
    return;
  }
  await setClaimStems(claimId, document.workspaceId, entryOf(claim, document.language), tx);
}

/** Indexes the claims made before the indexes existed (or imported); returns how many. */
export async function indexMissingClaims(): Promise<number> {
  const ids = await getClaimIdsWithoutEntries();
  await writeTransaction(async (tx) => {
    for (const id of ids) await indexClaimIn(tx, id);
  });
  return ids.length;
}

export interface SimilarClaim {
  claim: { id: string; statement: string; quote: string; verdict: string | null; status: string; updatedAt: string; approvedByName: string | null };
  document: { id: string; title: string };
  score: number;
}

/** The document's claims the desk checked before elsewhere (suggested or linked as the same claim), with how many. */
export async function checkedBefore(documentId: string, workspaceId: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const c of await getClaimsByDocumentId(documentId)) {
    const n = (await similarClaims(c.id, workspaceId)).length + (await getSameClaims(c.id)).length;
    if (n) counts[c.id] = n;
  }
  return counts;
}

/** How similar two claims are (for the decisions' records). */
export async function claimSimilarity(a: string, b: string): Promise<number> {
  const sig = async (id: string) => {
    const c = await getClaimWithSources(id);
    const d = c ? await getDocumentById(c.documentId) : undefined;
    return c && d ? signatureOf({ statement: c.statement, quote: c.quoteExact }, d.language) : null;
  };
  const x = await sig(a);
  const y = await sig(b);
  return x && y ? similarity(x, y) : 0;
}

/** The claims a reviewer linked to this one as the same claim (either way). */
export async function sameClaims(claimId: string) {
  return (await getSameClaims(claimId)).map((c) => ({ claim: { id: c.id, statement: c.statement, verdict: c.verdict, status: c.status }, document: { id: c.documentId, title: c.documentTitle } }));
}

/**
 * Up to five earlier claims of the workspace (in other documents) that say what this claim
 * says, best first — not those already linked to it either way, and above the desk's tuned threshold.
 */
export async function similarClaims(claimId: string, workspaceId: string): Promise<SimilarClaim[]> {
  const claim = await getClaimWithSources(claimId);
  const document = claim ? await getDocumentById(claim.documentId) : undefined;
  if (!claim || !document) return [];
  const text = { statement: claim.statement, quote: claim.quoteExact };
  const own = signatureOf(text, document.language);
  const threshold = tunedThreshold(await getDecisionScores(workspaceId));
  const excluded = new Set([...await getNotSameIds(claimId), ...(await getSameClaims(claimId)).map((c) => c.id)]);
  return (await getClaimCandidates(workspaceId, stems(`${text.statement} ${text.quote}`, matchLanguage(document.language)), claim.documentId))
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
