/**
 * Review workflow transitions, checked by the rules in ./rules.ts inside the write
 * transaction (so two reviewers acting at once cannot both win), and written to the
 * audit log in the same transaction.
 */
import 'server-only';
import { readTransaction, writeTransaction, type Tx } from '@/db';
import { getClaimsByDocumentId, getClaimWithSources, setClaimReviewFields, type ClaimPatch, type ClaimWithSources } from '@/db/queries/claims';
import { getDocumentById, lockDocument, updateDocumentMeta } from '@/db/queries/documents';
import { recordEvent } from '@/lib/audit/record';
import { getSuggestionsByDocumentId } from '@/db/queries/suggestions';
import { getSignoffsByDocumentId, insertSignoff, markSignoffReopened } from '@/db/queries/signoffs';
import type { DocumentStatus, Role } from '@/db/schema';
import { announceClaim, type ClaimContext } from '../claims/commands';
import { serializeClaim } from '../claims/serialize';
import { publish } from '../collab/hub';
import { addComment } from '../comments/commands';
import { AppError, notFound } from '../errors';
import { documentHash } from './hash';
import { loadCurrent } from '../collab/authority';
import { hasSuggestions } from '../suggestions/model';
import { claimRefusal, claimTarget, documentRefusal, signoffBlockers, type ClaimAction, type DocumentAction, type Refusal } from './rules';

function refuse(refusal: Refusal, details?: Record<string, unknown>): never {
  throw new AppError(refusal.status, refusal.code, refusal.message, details);
}

/** The document's status read inside the transaction (the caller's copy may be stale). */
async function documentStatusIn(documentId: string, tx: Tx): Promise<DocumentStatus> {
  const row = await getDocumentById(documentId, tx);
  if (!row || row.deletedAt) throw notFound();
  return row.status;
}

/** The workflow state of a claim, as the rules see it. */
export function workflowState(claim: ClaimWithSources) {
  return {
    status: claim.status,
    verdict: claim.verdict,
    rationale: claim.rationale,
    sourceCount: claim.sources.length,
    proposedBy: claim.proposedBy,
    lastChangedBy: claim.lastChangedBy,
  };
}

/**
 * Moves a claim through its review lifecycle. `comment` is required for a change request
 * (it opens a comment thread on the claim) and a dismissal (it is the reason).
 */
export async function transitionClaim(ctx: ClaimContext, claimId: string, input: { action: ClaimAction; comment?: string | null }) {
  const { action } = input;
  const comment = input.comment?.trim() || null;
  const claim = await writeTransaction(async (tx) => {
    await lockDocument(ctx.documentId, tx);
    const current = await getClaimWithSources(claimId, tx);
    if (!current || current.deletedAt) throw notFound('This claim');
    const refusal = claimRefusal(workflowState(current), action, { id: ctx.userId, role: ctx.role }, await documentStatusIn(ctx.documentId, tx), comment);
    if (refusal) refuse(refusal, { claim: serializeClaim(current) });

    const now = new Date();
    const patch: ClaimPatch = { status: claimTarget(action, current) };
    if (action === 'start' && !current.assigneeId) patch.assigneeId = ctx.userId;
    if (action === 'propose') Object.assign(patch, { proposedBy: ctx.userId, proposedAt: now, approvedBy: null, approvedAt: null });
    if (action === 'approve') Object.assign(patch, { approvedBy: ctx.userId, approvedAt: now });
    if (action === 'request_changes') Object.assign(patch, { approvedBy: null, approvedAt: null });
    if (action === 'dismiss') patch.dismissReason = comment;
    if (action === 'restore') patch.dismissReason = null;
    const row = (await setClaimReviewFields(claimId, { ...patch }, tx))!;
    // The change request is a comment thread everyone can answer.
    if (action === 'request_changes') await addComment(ctx, claimId, { body: comment! }, tx);
    await recordEvent(
      {
        workspaceId: ctx.workspaceId,
        documentId: ctx.documentId,
        actorId: ctx.userId,
        action: `claim.${action}`,
        subjectType: 'claim',
        subjectId: claimId,
        before: { status: current.status, verdict: current.verdict },
        after: { status: row.status, verdict: row.verdict, ...(comment ? { comment } : {}), ...(patch.assigneeId ? { assigneeId: patch.assigneeId } : {}) },
      },
      tx,
    );
    return serializeClaim({ ...row, sources: current.sources });
  });
  await announceClaim(ctx, claimId, false);
  if (action === 'request_changes') publish(ctx.documentId, { type: 'comments', claimId });
  return claim;
}

/** What the sign-off panel shows: the claims that still block it, and every sign-off so far. */
export async function signoffOverview(documentId: string) {
  return {
    blockers: signoffBlockers(await getClaimsByDocumentId(documentId)),
    suggestions: await pendingSuggestions(documentId),
    signoffs: (await getSignoffsByDocumentId(documentId)).map(serializeSignoff),
  };
}

/** Suggested corrections still pending (they block a sign-off): who, and what they change. */
async function pendingSuggestions(documentId: string, tx?: Tx) {
  return (await getSuggestionsByDocumentId(documentId, tx))
    .filter((s) => s.status === 'pending')
    .map((s) => ({ id: s.id, kind: s.kind, before: s.beforeText, text: s.afterText, authorId: s.authorId, authorName: s.authorName }));
}

/** A sign-off as the API returns it. */
export function serializeSignoff(s: Awaited<ReturnType<typeof getSignoffsByDocumentId>>[number]) {
  return {
    id: s.id,
    revision: s.revision,
    hash: s.hash,
    signedBy: s.signedBy,
    signedByName: s.signedByName,
    signedAt: s.signedAt.toISOString(),
    reopenedBy: s.reopenedBy,
    reopenedByName: s.reopenedByName,
    reopenedAt: s.reopenedAt?.toISOString() ?? null,
    reopenReason: s.reopenReason,
  };
}

/**
 * Submits a document for review, signs it off (storing the hash of its signed state and
 * locking it), or reopens it with a reason (a new revision; the old sign-off stays).
 */
export async function transitionDocument(
  actor: { userId: string; role: Role; workspaceId: string; documentId: string },
  input: { action: DocumentAction; reason?: string | null },
) {
  const { action } = input;
  const reason = input.reason?.trim() || null;
  const result = await writeTransaction(async (tx) => {
    await lockDocument(actor.documentId, tx);
    const document = await getDocumentById(actor.documentId, tx);
    if (!document || document.deletedAt) throw notFound();
    const blockers = action === 'sign_off' ? signoffBlockers(await getClaimsByDocumentId(document.id, tx)) : [];
    const suggestions = action === 'sign_off' ? await pendingSuggestions(document.id, tx) : [];
    // The marks in the text are the truth: none may be left, whatever the rows say.
    if (action === 'sign_off' && !suggestions.length && hasSuggestions(await loadCurrent(document.id, document.version, tx))) {
      refuse({ status: 409, code: 'conflict:state', message: 'The text still holds suggested changes: accept or reject them first.' });
    }
    const refusal = documentRefusal(document.status, action, actor.role, blockers, reason, suggestions.length);
    if (refusal) refuse(refusal, blockers.length || suggestions.length ? { blockers, suggestions } : undefined);

    let hash: string | null = null;
    let revision = document.revision;
    if (action === 'sign_off') {
      hash = await documentHash(document.id, tx);
      await insertSignoff({ documentId: document.id, revision, hash, signedBy: actor.userId }, tx);
    }
    if (action === 'reopen') {
      await markSignoffReopened(document.id, { reopenedBy: actor.userId, reason: reason! }, tx);
      revision += 1;
    }
    const status: DocumentStatus = action === 'submit' ? 'in_review' : action === 'sign_off' ? 'signed_off' : 'draft';
    await updateDocumentMeta(document.id, { status, revision }, actor.userId, tx);
    await recordEvent(
      {
        workspaceId: document.workspaceId,
        documentId: document.id,
        actorId: actor.userId,
        action: `document.${action}`,
        subjectType: 'document',
        subjectId: document.id,
        before: { status: document.status, revision: document.revision },
        after: { status, revision, ...(hash ? { hash } : {}), ...(reason ? { reason } : {}) },
      },
      tx,
    );
    return { status, revision, hash };
  });
  publish(actor.documentId, { type: 'document', status: result.status, revision: result.revision });
  return result;
}

/**
 * Recomputes the hash of the document as stored now (read afresh from the database) and
 * compares it with the hash of its latest sign-off.
 */
export async function verifySignoff(documentId: string) {
  const latest = (await getSignoffsByDocumentId(documentId))[0];
  if (!latest) throw new AppError(409, 'conflict:state', 'This document has never been signed off, so there is nothing to verify.');
  const current = await readTransaction((tx) => documentHash(documentId, tx, true));
  return {
    revision: latest.revision,
    signedHash: latest.hash,
    currentHash: current,
    matches: current === latest.hash,
    reopened: latest.reopenedAt !== null,
    signoff: serializeSignoff(latest),
  };
}
