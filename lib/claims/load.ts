/** Loaders that throw: a claim or source the caller may see, or a 404. */
import { getClaimForMember, getSourceForMember } from '@/db/queries/claims';
import { notFound } from '../errors';
import type { ClaimContext } from './commands';

/** The claim and the caller's context; 404 when missing, deleted or in another workspace. */
export function getClaimOrThrow(claimId: string, userId: string) {
  const row = getClaimForMember(claimId, userId);
  if (!row) throw notFound('This claim');
  const ctx: ClaimContext = { userId, role: row.role, workspaceId: row.workspaceId, documentId: row.claim.documentId, documentStatus: row.documentStatus };
  return { claim: row.claim, ctx };
}

/** The source and the caller's context; 404 when missing or in another workspace. */
export function getSourceOrThrow(sourceId: string, userId: string) {
  const row = getSourceForMember(sourceId, userId);
  if (!row) throw notFound('This source');
  const ctx: ClaimContext = { userId, role: row.role, workspaceId: row.workspaceId, documentId: row.claim.documentId, documentStatus: row.documentStatus };
  return { source: row.source, ctx };
}
