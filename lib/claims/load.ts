/** Loaders that throw: a claim, source or comment the caller may see, or a 404. */
import { getClaimForMember, getSourceForMember } from '@/db/queries/claims';
import { getCommentForMember } from '@/db/queries/comments';
import type { ClaimRow, Role } from '@/db/schema';
import { notFound } from '../errors';
import type { ClaimContext } from './commands';

/** The caller's context for acting on a claim, from a row joined through claim → document → membership. */
function contextOf(userId: string, row: { claim: ClaimRow; role: Role; workspaceId: string; documentStatus: ClaimContext['documentStatus'] }): ClaimContext {
  return { userId, role: row.role, workspaceId: row.workspaceId, documentId: row.claim.documentId, documentStatus: row.documentStatus };
}

/** The claim and the caller's context; 404 when missing, deleted or in another workspace. */
export async function getClaimOrThrow(claimId: string, userId: string) {
  const row = await getClaimForMember(claimId, userId);
  if (!row) throw notFound('This claim');
  return { claim: row.claim, ctx: contextOf(userId, row) };
}

/** The source and the caller's context; 404 when missing or in another workspace. */
export async function getSourceOrThrow(sourceId: string, userId: string) {
  const row = await getSourceForMember(sourceId, userId);
  if (!row) throw notFound('This source');
  return { source: row.source, ctx: contextOf(userId, row) };
}

/** The comment and the caller's context; 404 when missing, deleted or in another workspace. */
export async function getCommentOrThrow(commentId: string, userId: string) {
  const row = await getCommentForMember(commentId, userId);
  if (!row || row.comment.deletedAt) throw notFound('This comment');
  return { comment: row.comment, ctx: contextOf(userId, row) };
}
