/**
 * Mutations of claims and sources. The route guard decided the role may; each checks the
 * rules (lock, version, range),
 * then writes the rows and the audit event in one transaction.
 */
import { indexClaim } from './memory';
import 'server-only';
import { writeTransaction, type Tx } from '@/db';
import {
  deleteSource,
  getClaimWithSources,
  getSourcesByClaimId,
  insertClaim,
  insertSource,
  markClaimDeleted,
  reorderSources,
  setClaimReviewFields,
  updateClaimIfVersion,
  updateSource,
  type ClaimPatch,
} from '@/db/queries/claims';
import { getDocumentCollabState, lockDocument } from '@/db/queries/documents';
import { recordEvent } from '@/lib/audit/record';
import { getMembership } from '@/db/queries/users';
import type { ClaimRow, DocumentStatus, Role, SourceRow } from '@/db/schema';
import { loadCurrent } from '../collab/authority';
import { publish } from '../collab/hub';
import { AppError, invalidBody, notFound } from '../errors';
import { invalidRangeReason, quoteAt, trimRange } from './anchor';
import { asPlainText } from '../validation';
import { can } from '../permissions';
import { serializeClaim, serializeSource } from './serialize';
import { MAX_SOURCES_PER_CLAIM } from './validation';

/** What a claim command needs to know about the caller and the claim's document. */
export interface ClaimContext {
  userId: string;
  role: Role;
  workspaceId: string;
  documentId: string;
  documentStatus: DocumentStatus;
}

const LOCKED_MESSAGE = 'This document is signed off and locked. An editor must reopen it before claims can change.';

/** Refuses a change while the document is signed off and locked (the route guard decided the role may). */
export function assertChangeable(ctx: ClaimContext) {
  if (ctx.documentStatus === 'signed_off') throw new AppError(423, 'locked', LOCKED_MESSAGE);
}

/** The lock checked again inside the write transaction: a sign-off may have landed meanwhile. */
export async function assertUnlocked(ctx: ClaimContext, tx: Tx) {
  // Held until commit: a sign-off (or another command on this document) waits for this one.
  await lockDocument(ctx.documentId, tx);
  if ((await getDocumentCollabState(ctx.documentId, tx))?.status === 'signed_off') throw new AppError(423, 'locked', LOCKED_MESSAGE);
}

/** Fields whose change is a change of the verdict as checked: it voids an approval. */
const REVIEWED_FIELDS = ['statement', 'verdict', 'rationale'] as const;

/**
 * Records that `ctx.userId` changed what is being reviewed (the verdict, rationale,
 * statement or sources): they become the last to change it, and an approval is voided
 * (back to proposed) with its own audit event. Returns the review fields to store.
 */
async function noteReviewedChange(ctx: ClaimContext, claim: ClaimRow, tx: Tx, what: string): Promise<ClaimPatch> {
  const patch: ClaimPatch = { lastChangedBy: ctx.userId };
  if (claim.status === 'approved') {
    Object.assign(patch, { status: 'proposed', approvedBy: null, approvedAt: null });
    await audit(ctx, tx, 'claim.approval_voided', 'claim', claim.id, { status: 'approved', approvedBy: claim.approvedBy }, { status: 'proposed', changed: what });
  }
  return patch;
}

/**
 * The range checked against the document at `version` (which must be the current one) and
 * trimmed to the text it covers (a selection that starts or ends on a paragraph boundary or
 * in spaces); returns the trimmed range and its quote.
 */
async function checkRange(documentId: string, range: { from: number; to: number; version: number }, tx: Tx) {
  const stored = await getDocumentCollabState(documentId, tx);
  if (!stored) throw notFound();
  if (range.version !== stored.version) {
    throw new AppError(409, 'conflict:version', `The document is at version ${stored.version}, not ${range.version}. Fetch the newer steps and select the text again.`, {
      version: stored.version,
    });
  }
  const doc = await loadCurrent(documentId, stored.version, tx);
  const reason = invalidRangeReason(doc, range.from, range.to);
  if (reason) throw invalidBody(`This range cannot be a claim: ${reason}.`);
  const trimmed = trimRange(doc, range.from, range.to);
  if (!trimmed) throw invalidBody('This range cannot be a claim: the selection contains no text.');
  return { ...trimmed, quote: quoteAt(doc, trimmed.from, trimmed.to) };
}

/** Tells everyone in the document that a claim changed (after the change is committed). */
export async function announceClaim(ctx: ClaimContext, claimId: string, moved: boolean) {
  const claim = await getClaimWithSources(claimId);
  const document = await getDocumentCollabState(ctx.documentId);
  if (claim && document) publish(ctx.documentId, { type: 'claim', claim: serializeClaim(claim), version: document.version, moved });
}

/** An assignee must be a member who may work on claims (not a viewer). */
async function checkAssignee(ctx: ClaimContext, assigneeId: string | null | undefined, tx: Tx) {
  if (!assigneeId) return;
  const membership = await getMembership(assigneeId, ctx.workspaceId, tx);
  if (!membership) throw invalidBody('The assignee must be a member of this workspace.');
  if (!can(membership.role, 'claim:update')) throw invalidBody('Viewers cannot be assigned claims: choose a reviewer, editor or admin.');
}

async function audit(ctx: ClaimContext, tx: Tx, action: string, subjectType: 'claim' | 'source', subjectId: string, before: unknown, after: unknown) {
  await recordEvent({ workspaceId: ctx.workspaceId, documentId: ctx.documentId, actorId: ctx.userId, action, subjectType, subjectId, before, after }, tx);
}

/** Marks a claim on the range `from`–`to` of the document at `version`. */
export async function createClaim(
  ctx: ClaimContext,
  input: { from: number; to: number; version: number } & Partial<Pick<ClaimRow, 'statement' | 'claimant' | 'claimDate' | 'verdict' | 'rationale' | 'tags' | 'assigneeId'>>,
) {
  assertChangeable(ctx);
  const created = await writeTransaction(async (tx) => {
    await assertUnlocked(ctx, tx);
    const { from, to, quote } = await checkRange(ctx.documentId, input, tx);
    await checkAssignee(ctx, input.assigneeId, tx);
    const row = await insertClaim(
      {
        documentId: ctx.documentId,
        from,
        to,
        quoteExact: quote.exact,
        quotePrefix: quote.prefix,
        quoteSuffix: quote.suffix,
        // The quote as the statement, made what a typed statement must be (no markup: it ends up in JSON-LD and reports).
        statement: input.statement ?? asPlainText(quote.exact, 2000),
        claimant: input.claimant ?? null,
        claimDate: input.claimDate ?? null,
        verdict: input.verdict ?? null,
        rationale: input.rationale ?? null,
        tags: input.tags ?? [],
        assigneeId: input.assigneeId ?? null,
        createdBy: ctx.userId,
        lastChangedBy: input.verdict || input.rationale ? ctx.userId : null,
      },
      tx,
    );
    const claim = serializeClaim({ ...row, sources: [] });
    await audit(ctx, tx, 'claim.created', 'claim', row.id, null, claim);
    return claim;
  });
  await announceClaim(ctx, created.id, true);
  await indexClaim(created.id);
  return created;
}

/**
 * Changes a claim's fields if `rowVersion` is still current; with `from`, `to` and
 * `version` it re-attaches the claim (for example an orphaned one) to a new range.
 * A stale row version → 409 with the current claim, nothing overwritten.
 */
export async function updateClaim(
  ctx: ClaimContext,
  claimId: string,
  input: { rowVersion: number; from?: number; to?: number; version?: number } & Omit<ClaimPatch, 'from' | 'to' | 'orphaned' | 'quoteExact' | 'quotePrefix' | 'quoteSuffix'>,
) {
  assertChangeable(ctx);
  const updated = await writeTransaction(async (tx) => {
    await assertUnlocked(ctx, tx);
    const current = await getClaimWithSources(claimId, tx);
    if (!current || current.deletedAt) throw notFound('This claim');
    const { rowVersion, from, to, version, ...fields } = input;
    if (current.rowVersion !== rowVersion) {
      throw new AppError(409, 'conflict:version', 'Someone else changed this claim meanwhile. Their version is shown; apply your change again.', {
        claim: serializeClaim(current),
      });
    }
    await checkAssignee(ctx, fields.assigneeId, tx);
    const patch: ClaimPatch = { ...fields };
    const reviewed: string[] = REVIEWED_FIELDS.filter((k) => k in fields && fields[k] !== current[k]);
    if (from !== undefined && to !== undefined && version !== undefined) {
      const range = await checkRange(ctx.documentId, { from, to, version }, tx);
      Object.assign(patch, { from: range.from, to: range.to, orphaned: false, quoteExact: range.quote.exact, quotePrefix: range.quote.prefix, quoteSuffix: range.quote.suffix, anchorTrail: null });
      // Words other than the approved ones are a new claim to review: four eyes again.
      if (range.quote.exact !== current.quoteExact || range.from !== current.from || range.to !== current.to || current.orphaned) reviewed.push('the quoted words');
    }
    if (reviewed.length) Object.assign(patch, await noteReviewedChange(ctx, current, tx, reviewed.join(', ')));
    const row = (await updateClaimIfVersion(claimId, rowVersion, patch, tx))!;
    const before = serializeClaim(current);
    const after = serializeClaim({ ...row, sources: current.sources });
    // Only what really changed is named ("changed the rationale", not every field sent).
    const changed = [...new Set(Object.keys(patch).filter((k) => !['lastChangedBy', 'approvedBy', 'approvedAt', 'anchorTrail'].includes(k)).map((k) => (k.startsWith('quote') ? 'quote' : k)))].filter(
      (k) => JSON.stringify((before as Record<string, unknown>)[k]) !== JSON.stringify((after as Record<string, unknown>)[k]),
    );
    if (changed.length) await audit(
      ctx,
      tx,
      patch.from !== undefined ? 'claim.reattached' : 'claim.updated',
      'claim',
      claimId,
      pick(before, changed),
      pick(after, changed),
    );
    return after;
  });
  await announceClaim(ctx, claimId, input.from !== undefined);
  await indexClaim(claimId);
  return updated;
}

function pick(obj: Record<string, unknown>, keys: string[]) {
  return Object.fromEntries([...new Set(keys)].map((k) => [k, obj[k]]));
}

/** Deletes a claim (hidden; its last state stays in the audit log). */
export async function deleteClaim(ctx: ClaimContext, claimId: string) {
  assertChangeable(ctx);
  await writeTransaction(async (tx) => {
    await assertUnlocked(ctx, tx);
    const current = await getClaimWithSources(claimId, tx);
    if (!current || current.deletedAt) throw notFound('This claim');
    await markClaimDeleted(claimId, tx);
    await audit(ctx, tx, 'claim.deleted', 'claim', claimId, serializeClaim(current), null);
  });
  publish(ctx.documentId, { type: 'claim-deleted', id: claimId });
  await indexClaim(claimId);
}

/** A change to a claim's sources is a change to what is reviewed. */
async function touchReviewed(ctx: ClaimContext, claimId: string, tx: Tx, what: string) {
  const claim = await getClaimWithSources(claimId, tx);
  if (!claim || claim.deletedAt) throw notFound('This claim');
  await setClaimReviewFields(claimId, await noteReviewedChange(ctx, claim, tx, what), tx);
}

/** Fields of a new source. */
export type SourceInput = Pick<SourceRow, 'url'> & Partial<Omit<SourceRow, 'id' | 'claimId' | 'position' | 'url' | 'createdBy' | 'createdAt' | 'updatedAt'>>;

/** Today as YYYY-MM-DD (UTC), the default accessed date. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Appends a source to a claim. */
export async function addSource(ctx: ClaimContext, claimId: string, input: SourceInput) {
  assertChangeable(ctx);
  const added = await writeTransaction(async (tx) => {
    await assertUnlocked(ctx, tx);
    await touchReviewed(ctx, claimId, tx, 'sources');
    if ((await getSourcesByClaimId(claimId, tx)).length >= MAX_SOURCES_PER_CLAIM) {
      throw new AppError(400, 'invalid:body', `A claim can have at most ${MAX_SOURCES_PER_CLAIM} sources.`);
    }
    const row = await insertSource(
      {
        claimId,
        url: input.url,
        title: input.title ?? null,
        publisher: input.publisher ?? null,
        publishedAt: input.publishedAt ?? null,
        accessedAt: input.accessedAt ?? today(),
        excerpt: input.excerpt ?? null,
        kind: input.kind ?? 'other',
        stance: input.stance ?? 'supports',
        createdBy: ctx.userId,
      },
      tx,
    );
    const source = serializeSource(row);
    await audit(ctx, tx, 'source.added', 'source', row.id, null, { claimId, ...source });
    return source;
  });
  await announceClaim(ctx, claimId, false);
  await indexClaim(claimId);
  return added;
}

/** Changes a source's fields, or moves it to `position` in its claim's list. */
export async function editSource(ctx: ClaimContext, source: SourceRow, input: Partial<SourceInput> & { position?: number }) {
  assertChangeable(ctx);
  const edited = await writeTransaction(async (tx) => {
    await assertUnlocked(ctx, tx);
    await touchReviewed(ctx, source.claimId, tx, 'sources');
    const { position, ...fields } = input;
    let row = source;
    if (Object.keys(fields).length) row = (await updateSource(source.id, fields, tx))!;
    if (position !== undefined) {
      const ids = (await getSourcesByClaimId(source.claimId, tx)).map((s) => s.id).filter((id) => id !== source.id);
      ids.splice(Math.min(position, ids.length), 0, source.id);
      await reorderSources(ids, tx);
    }
    const after = serializeSource(row);
    await audit(ctx, tx, position !== undefined && !Object.keys(fields).length ? 'source.moved' : 'source.updated', 'source', source.id, { claimId: source.claimId, ...serializeSource(source), position: source.position }, { claimId: source.claimId, ...after, position: position ?? source.position });
    return { source: after, order: (await getSourcesByClaimId(source.claimId, tx)).map((s) => s.id) };
  });
  await announceClaim(ctx, source.claimId, false);
  await indexClaim(source.claimId);
  return edited;
}

/** Removes a source from its claim (its last state stays in the audit log). */
export async function removeSource(ctx: ClaimContext, source: SourceRow) {
  assertChangeable(ctx);
  await writeTransaction(async (tx) => {
    await assertUnlocked(ctx, tx);
    await touchReviewed(ctx, source.claimId, tx, 'sources');
    await deleteSource(source.id, tx);
    await reorderSources((await getSourcesByClaimId(source.claimId, tx)).map((s) => s.id), tx);
    await audit(ctx, tx, 'source.removed', 'source', source.id, { claimId: source.claimId, ...serializeSource(source) }, null);
  });
  await announceClaim(ctx, source.claimId, false);
  await indexClaim(source.claimId);
}
