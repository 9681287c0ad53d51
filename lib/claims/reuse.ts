/**
 * Reuse and "not the same claim": what a reviewer does with a "checked before" suggestion.
 * Reuse copies the earlier claim's verdict, rationale and sources into this claim — as this
 * reviewer's proposal, never approved (four eyes still apply) — and links the two as the same
 * claim; both directions are visible, in the history and in the JSON export.
 */
import 'server-only';
import { writeTransaction } from '@/db';
import { upsertClaimLink } from '@/db/queries/claim-links';
import { getClaimForMember, getClaimWithSources, insertSource, updateClaimIfVersion, type ClaimPatch } from '@/db/queries/claims';
import { recordEvent } from '../audit/record';
import { AppError, invalidBody, notFound } from '../errors';
import { announceClaim, assertChangeable, assertUnlocked, type ClaimContext } from './commands';
import { claimSimilarity, indexClaim } from './memory';
import { serializeClaim } from './serialize';

/** The earlier claim, if the caller may see it and it is in the same workspace (404 otherwise). */
async function earlierClaim(ctx: ClaimContext, claimId: string, otherId: string) {
  if (otherId === claimId) throw invalidBody('A claim cannot be the same claim as itself.');
  const other = await getClaimForMember(otherId, ctx.userId);
  if (!other || other.workspaceId !== ctx.workspaceId) throw notFound('That claim');
  return other;
}

export async function reuseClaim(ctx: ClaimContext, claimId: string, otherId: string) {
  await earlierClaim(ctx, claimId, otherId);
  assertChangeable(ctx);
  const score = await claimSimilarity(claimId, otherId);
  const claim = await writeTransaction(async (tx) => {
    await assertUnlocked(ctx, tx);
    const current = await getClaimWithSources(claimId, tx);
    const other = await getClaimWithSources(otherId, tx);
    if (!current || current.deletedAt) throw notFound('This claim');
    if (!other || other.deletedAt) throw notFound('That claim');
    const now = new Date();
    const known = new Set(current.sources.map((s) => s.url));
    for (const s of other.sources.filter((s) => !known.has(s.url))) {
      await insertSource({ claimId, url: s.url, title: s.title, publisher: s.publisher, publishedAt: s.publishedAt, accessedAt: s.accessedAt, excerpt: s.excerpt, kind: s.kind, stance: s.stance, createdBy: ctx.userId }, tx);
    }
    const sourceCount = new Set([...known, ...other.sources.map((s) => s.url)]).size;
    const verdict = other.verdict ?? current.verdict;
    const rationale = other.rationale ?? current.rationale;
    // A proposal by the reviewer who reused it when it is complete; otherwise work in progress.
    const proposable = verdict !== null && !!rationale?.trim() && sourceCount > 0;
    const patch: ClaimPatch = {
      verdict,
      rationale,
      lastChangedBy: ctx.userId,
      approvedBy: null,
      approvedAt: null,
      status: proposable ? 'proposed' : 'in_progress',
      ...(proposable ? { proposedBy: ctx.userId, proposedAt: now } : {}),
      ...(current.assigneeId ? {} : { assigneeId: ctx.userId }),
    };
    const row = await updateClaimIfVersion(claimId, current.rowVersion, patch, tx);
    if (!row) throw new AppError(409, 'conflict:version', 'Someone else changed this claim meanwhile. Try again.');
    await upsertClaimLink({ claimId, otherId, kind: 'same', score, createdBy: ctx.userId }, tx);
    await recordEvent(
      {
        workspaceId: ctx.workspaceId,
        documentId: ctx.documentId,
        actorId: ctx.userId,
        action: 'claim.reused',
        subjectType: 'claim',
        subjectId: claimId,
        before: { status: current.status, verdict: current.verdict },
        after: { from: otherId, fromStatement: other.statement, status: row.status, verdict: row.verdict },
      },
      tx,
    );
    return serializeClaim({ ...row, sources: (await getClaimWithSources(claimId, tx))!.sources });
  });
  await announceClaim(ctx, claimId, false);
  await indexClaim(claimId);
  return claim;
}

/** The reviewer says a suggestion is not the same claim: it is not suggested again, and the desk's threshold learns from it. */
export async function rejectSimilar(ctx: ClaimContext, claimId: string, otherId: string): Promise<void> {
  await earlierClaim(ctx, claimId, otherId);
  const score = await claimSimilarity(claimId, otherId);
  await writeTransaction((tx) => upsertClaimLink({ claimId, otherId, kind: 'not_same', score, createdBy: ctx.userId }, tx));
}
