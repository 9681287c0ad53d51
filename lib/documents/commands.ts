/**
 * Mutations of documents. Each takes one props object, checks the rules, and writes the
 * rows and the audit event in one transaction.
 */
import 'server-only';
import { writeTransaction } from '@/db';
import { recordEvent } from '@/lib/audit/record';
import { deletePublication } from '@/db/queries/publications';
import { getDocumentCollabState, insertDocument, lockDocument, markDocumentDeleted, setDocumentArchived, updateDocumentMeta, type DocumentForMember } from '@/db/queries/documents';
import { insertClaim } from '@/db/queries/claims';
import { quoteAt } from '../claims/anchor';
import { serializeClaim } from '../claims/serialize';
import { AppError } from '../errors';
import type { ReadArticle } from './read-article';
import { asPlainText, documentByline, documentTitle } from '../validation';

/**
 * Creates a document in a workspace from an imported article; returns its row and content
 * (ProseMirror JSON). The title and source URL given win over what the article says of
 * itself (a page's title and canonical address); without either, the article's are used.
 */
export function createDocument(props: {
  userId: string;
  workspaceId: string;
  title?: string | null;
  /** Used when neither `title` nor the article gives one (an uploaded file's name). */
  fallbackTitle?: string | null;
  language: string;
  sourceUrl?: string | null;
  byline?: string | null;
  publishedAt?: string | null;
  format: string;
  article: ReadArticle;
}) {
  const { doc, meta } = props.article;
  const title = props.title || documentTitle.safeParse(meta.title?.replace(/\s+/g, ' ').slice(0, 200)).data || props.fallbackTitle;
  if (!title) throw new AppError(400, 'invalid:body', '"title": give the document a title (the article has none of its own).');
  const sourceUrl = props.sourceUrl ?? meta.canonicalUrl ?? null;
  return writeTransaction(async (tx) => {
    const row = await insertDocument(
      {
        workspaceId: props.workspaceId,
        title,
        language: props.language,
        sourceUrl,
        byline: props.byline ?? documentByline.safeParse(meta.byline).data ?? null,
        publishedAt: props.publishedAt ?? meta.publishedAt ?? null,
        doc: doc.toJSON(),
        userId: props.userId,
      },
      tx,
    );
    await recordEvent(
      {
        workspaceId: row.workspaceId,
        documentId: row.id,
        actorId: props.userId,
        action: 'document.created',
        subjectType: 'document',
        subjectId: row.id,
        after: { title: row.title, language: row.language, sourceUrl: row.sourceUrl, byline: row.byline, publishedAt: row.publishedAt, format: props.format },
      },
      tx,
    );
    // A Word file's comments become claim drafts on their words, the comment as the statement.
    for (const comment of props.article.comments) {
      const quote = quoteAt(doc, comment.from, comment.to);
      const statement = asPlainText(comment.text, 2000);
      const claim = await insertClaim(
        {
          documentId: row.id,
          from: comment.from,
          to: comment.to,
          quoteExact: quote.exact,
          quotePrefix: quote.prefix,
          quoteSuffix: quote.suffix,
          statement: statement || asPlainText(quote.exact, 2000),
          claimant: null,
          claimDate: null,
          verdict: null,
          rationale: comment.author ? `Word comment by ${asPlainText(comment.author, 200)}` : null,
          tags: ['from-word'],
          assigneeId: null,
          createdBy: props.userId,
          lastChangedBy: null,
        },
        tx,
      );
      await recordEvent(
        { workspaceId: row.workspaceId, documentId: row.id, actorId: props.userId, action: 'claim.created', subjectType: 'claim', subjectId: claim.id, after: serializeClaim({ ...claim, sources: [] }) },
        tx,
      );
    }
    return { ...row, doc: doc.toJSON() as unknown };
  });
}

/** Changes a document's title, language or source URL. */
export function updateDocument(props: {
  userId: string;
  document: DocumentForMember;
  patch: Partial<{ title: string; language: string; sourceUrl: string | null; byline: string | null; publishedAt: string | null }>;
}) {
  const { document, patch } = props;
  return writeTransaction(async (tx) => {
    // The sign-off covers the title, language and source URL: a locked document keeps them.
    await lockDocument(document.id, tx);
    const stored = await getDocumentCollabState(document.id, tx);
    if (stored?.status === 'signed_off') {
      throw new AppError(423, 'locked', 'This document is signed off and locked, its title, language and source included. An editor must reopen it first.');
    }
    const row = await updateDocumentMeta(document.id, patch, props.userId, tx);
    const before = Object.fromEntries(Object.keys(patch).map((k) => [k, document[k as keyof typeof patch]]));
    await recordEvent(
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

/** Deletes a document (hidden, but kept with its history). */
export async function deleteDocument(props: { userId: string; document: DocumentForMember }) {
  const { document } = props;
  await writeTransaction(async (tx) => {
    await markDocumentDeleted(document.id, tx);
    // A deleted document's report is not public any more.
    await deletePublication(document.id, tx);
    await recordEvent(
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

/** Archives a document or brings it back, with an audit event. */
export async function archiveDocument(props: { userId: string; document: DocumentForMember; archived: boolean }) {
  const { document, archived } = props;
  await writeTransaction(async (tx) => {
    await setDocumentArchived(document.id, archived, tx);
    await recordEvent(
      { workspaceId: document.workspaceId, documentId: document.id, actorId: props.userId, action: archived ? 'document.archived' : 'document.unarchived', subjectType: 'document', subjectId: document.id, before: null, after: null },
      tx,
    );
  });
}
