/** Loaders that throw: a document the caller may see, or a 404. */
import { getDocumentForMember } from '@/db/queries/documents';
import { notFound } from '../errors';

/** The document if the user is a member of its workspace; 404 if it is missing, deleted or foreign. */
export function getDocumentOrThrow(documentId: string, userId: string) {
  const document = getDocumentForMember(documentId, userId);
  if (!document) throw notFound();
  return document;
}
