/** The shapes documents take in API responses. */
import type { DocumentForMember } from '@/db/queries/documents';
import { currentDocument } from '../collab/authority';
import { permissionsFor } from '../permissions';

/** A document as `GET /api/documents/:id` returns it, with the caller's permissions. */
export async function serializeDocument(document: DocumentForMember) {
  const { version, doc } = await currentDocument(document.id);
  return {
    id: document.id,
    workspaceId: document.workspaceId,
    title: document.title,
    language: document.language,
    sourceUrl: document.sourceUrl,
    byline: document.byline,
    publishedAt: document.publishedAt,
    status: document.status,
    version,
    revision: document.revision,
    doc,
    createdAt: document.createdAt.toISOString(),
    updatedAt: document.updatedAt.toISOString(),
    role: document.role,
    permissions: permissionsFor(document.role),
  };
}
