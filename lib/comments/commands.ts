/**
 * Comment threads on claims: add (a new thread or a reply), edit and delete your own,
 * resolve and reopen a thread. Comments stay possible on a signed-off document: they are
 * discussion, not part of what was signed. Each change writes an audit event.
 */
import 'server-only';
import { lockForUpdate, writeTransaction, type Tx } from '@/db';
import { getCommentById, getCommentsByClaimId, insertComment, updateComment } from '@/db/queries/comments';
import { recordEvent } from '@/lib/audit/record';
import { getMembersByWorkspaceId } from '@/db/queries/users';
import { comments, type CommentRow } from '@/db/schema';
import type { ClaimContext } from '../claims/commands';
import { publish } from '../collab/hub';
import { AppError, forbidden, notFound } from '../errors';
import { findMentions } from './mentions';

/** A comment as the API returns it. */
export function serializeComment(c: CommentRow & { authorName: string | null }) {
  const deleted = c.deletedAt !== null;
  return {
    id: c.id,
    claimId: c.claimId,
    parentId: c.parentId,
    authorId: c.authorId,
    authorName: c.authorName,
    body: deleted ? '' : c.body,
    mentions: deleted ? [] : c.mentions,
    resolved: c.resolvedAt !== null,
    resolvedAt: c.resolvedAt?.toISOString() ?? null,
    resolvedBy: c.resolvedBy,
    createdAt: c.createdAt.toISOString(),
    editedAt: c.editedAt?.toISOString() ?? null,
    deleted,
  };
}
export type CommentJSON = ReturnType<typeof serializeComment>;

/** A claim's comments for the API. */
export async function listComments(claimId: string) {
  return (await getCommentsByClaimId(claimId)).map(serializeComment);
}

async function audit(ctx: ClaimContext, tx: Tx, action: string, commentId: string, before: unknown, after: unknown) {
  await recordEvent({ workspaceId: ctx.workspaceId, documentId: ctx.documentId, actorId: ctx.userId, action, subjectType: 'comment', subjectId: commentId, before, after }, tx);
}

async function mentionsIn(ctx: ClaimContext, body: string, tx: Tx) {
  return findMentions(body, await getMembersByWorkspaceId(ctx.workspaceId, tx));
}

/** Adds a comment to a claim: a new thread, or a reply to the thread `parentId`. */
export async function addComment(ctx: ClaimContext, claimId: string, input: { body: string; parentId?: string | null }, tx?: Tx) {
  const run = async (t: Tx) => {
    let parentId: string | null = null;
    if (input.parentId) {
      const parent = await getCommentById(input.parentId, t);
      if (!parent || parent.claimId !== claimId) throw notFound('This thread');
      // Replies always hang on the thread's first comment.
      parentId = parent.parentId ?? parent.id;
    }
    const row = await insertComment({ claimId, documentId: ctx.documentId, parentId, authorId: ctx.userId, body: input.body, mentions: await mentionsIn(ctx, input.body, t) }, t);
    await audit(ctx, t, parentId ? 'comment.replied' : 'comment.added', row.id, null, { claimId, parentId, body: row.body, mentions: row.mentions });
    return row;
  };
  const row = tx ? await run(tx) : await writeTransaction(run);
  if (!tx) publish(ctx.documentId, { type: 'comments', claimId });
  return row;
}

async function ownComment(ctx: ClaimContext, commentId: string, tx: Tx) {
  await lockForUpdate(tx, comments, commentId);
  const comment = await getCommentById(commentId, tx);
  if (!comment || comment.deletedAt) throw notFound('This comment');
  if (comment.authorId !== ctx.userId) throw forbidden('You can only edit or delete your own comments.');
  return comment;
}

/** Changes the text of one's own comment. */
export async function editComment(ctx: ClaimContext, commentId: string, body: string) {
  const row = await writeTransaction(async (tx) => {
    const current = await ownComment(ctx, commentId, tx);
    const updated = (await updateComment(commentId, { body, mentions: await mentionsIn(ctx, body, tx), editedAt: new Date() }, tx))!;
    await audit(ctx, tx, 'comment.edited', commentId, { claimId: current.claimId, body: current.body, mentions: current.mentions }, { claimId: current.claimId, body: updated.body, mentions: updated.mentions });
    return updated;
  });
  publish(ctx.documentId, { type: 'comments', claimId: row.claimId });
  return row;
}

/** Deletes one's own comment (replies stay; its text stays in the audit log). */
export async function deleteComment(ctx: ClaimContext, commentId: string) {
  const row = await writeTransaction(async (tx) => {
    const current = await ownComment(ctx, commentId, tx);
    const updated = (await updateComment(commentId, { deletedAt: new Date() }, tx))!;
    await audit(ctx, tx, 'comment.deleted', commentId, { claimId: current.claimId, body: current.body }, null);
    return updated;
  });
  publish(ctx.documentId, { type: 'comments', claimId: row.claimId });
}

/** Resolves or reopens the thread that starts with `commentId`. Anyone who may comment may do this. */
export async function setThreadResolved(ctx: ClaimContext, commentId: string, resolved: boolean) {
  const row = await writeTransaction(async (tx) => {
    await lockForUpdate(tx, comments, commentId);
    const current = await getCommentById(commentId, tx);
    if (!current) throw notFound('This thread');
    if (current.parentId) throw new AppError(400, 'invalid:body', 'Resolve the thread on its first comment, not on a reply.');
    if ((current.resolvedAt !== null) === resolved) {
      throw new AppError(409, 'conflict:state', resolved ? 'This thread is already resolved.' : 'This thread is already open.');
    }
    const updated = (await updateComment(commentId, resolved ? { resolvedAt: new Date(), resolvedBy: ctx.userId } : { resolvedAt: null, resolvedBy: null }, tx))!;
    await audit(ctx, tx, resolved ? 'comment.resolved' : 'comment.reopened', commentId, null, { claimId: current.claimId });
    return updated;
  });
  publish(ctx.documentId, { type: 'comments', claimId: row.claimId });
}
