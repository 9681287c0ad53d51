/** Loaders that throw: a document the caller may see, or a 404. */
import { getDocumentForMember, type DocumentForMember } from '@/db/queries/documents';
import type { ClaimContext } from '../claims/commands';
import { notFound } from '../errors';

/** The document if the user is a member of its workspace; 404 if it is missing, deleted or foreign. */
export async function getDocumentOrThrow(documentId: string, userId: string) {
  const document = await getDocumentForMember(documentId, userId);
  if (!document) throw notFound();
  return document;
}

/** The context claim commands need, for claims of this document. */
export function claimContextFor(document: DocumentForMember, userId: string): ClaimContext {
  return { userId, role: document.role, workspaceId: document.workspaceId, documentId: document.id, documentStatus: document.status };
}
