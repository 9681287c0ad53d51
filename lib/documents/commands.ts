/**
 * Mutations of documents. Each takes one props object, checks the rules, and writes the
 * rows and the audit event in one transaction.
 */
import { writeTransaction } from '@/db';
import { insertEvent } from '@/db/queries/events';
import { insertDocument, markDocumentDeleted, updateDocumentMeta, type DocumentForMember } from '@/db/queries/documents';
import { getMembership } from '@/db/queries/users';
import { notFound } from '../errors';
import { importDocument, type ImportFormat } from '../editor/import';
import { authorize } from '../permissions';

/** Creates a document in a workspace from pasted or uploaded content; returns its row and content (ProseMirror JSON). */
export function createDocument(props: {
  userId: string;
  workspaceId: string;
  title: string;
  language: string;
  sourceUrl?: string | null;
  format: ImportFormat;
  content: string;
}) {
  const membership = getMembership(props.userId, props.workspaceId);
  if (!membership) throw notFound('This workspace');
  authorize(membership.role, 'document:create');
  const doc = importDocument(props.format, props.content);
  return writeTransaction((tx) => {
    const row = insertDocument(
      {
        workspaceId: props.workspaceId,
        title: props.title,
        language: props.language,
        sourceUrl: props.sourceUrl ?? null,
        doc: doc.toJSON(),
        userId: props.userId,
      },
      tx,
    );
    insertEvent(
      {
        workspaceId: row.workspaceId,
        documentId: row.id,
        actorId: props.userId,
        action: 'document.created',
        subjectType: 'document',
        subjectId: row.id,
        after: { title: row.title, language: row.language, sourceUrl: row.sourceUrl, format: props.format },
      },
      tx,
    );
    return { ...row, doc: doc.toJSON() as unknown };
  });
}

/** Changes a document's title, language or source URL. */
export function updateDocument(props: {
  userId: string;
  document: DocumentForMember;
  patch: Partial<{ title: string; language: string; sourceUrl: string | null }>;
}) {
  authorize(props.document.role, 'document:rename');
  const { document, patch } = props;
  return writeTransaction((tx) => {
    const row = updateDocumentMeta(document.id, patch, props.userId, tx);
    const before = Object.fromEntries(Object.keys(patch).map((k) => [k, document[k as keyof typeof patch]]));
    insertEvent(
      {
        workspaceId: document.workspaceId,
        documentId: document.id,
        actorId: props.userId,
        action: 'document.updated',
        subjectType: 'document',
        subjectId: document.id,
        before,
        after: patch,
      },
      tx,
    );
    return row;
  });
}

/** Deletes a document (hidden, but kept with its history). Admins and editors only. */
export function deleteDocument(props: { userId: string; document: DocumentForMember }) {
  authorize(props.document.role, 'document:delete');
  const { document } = props;
  writeTransaction((tx) => {
    markDocumentDeleted(document.id, tx);
    insertEvent(
      {
        workspaceId: document.workspaceId,
        documentId: document.id,
        actorId: props.userId,
        action: 'document.deleted',
        subjectType: 'document',
        subjectId: document.id,
        before: { title: document.title },
      },
      tx,
    );
  });
}
