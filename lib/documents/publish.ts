/**
 * Publishing a signed-off report at a public, read-only address (`/r/:slug`). What is
 * published is the report as it is at that moment, stored: reopening the document changes
 * nothing there until a new sign-off is published (same address). Unpublishing removes it.
 */
import 'server-only';
import { randomBytes } from 'node:crypto';
import { writeTransaction } from '@/db';
import type { DocumentForMember } from '@/db/queries/documents';
import { getDocumentCollabState, lockDocument } from '@/db/queries/documents';
import { recordEvent } from '@/lib/audit/record';
import { deletePublication, getPublicationByDocumentId, upsertPublication } from '@/db/queries/publications';
import { AppError } from '../errors';
import { buildReport, publishedReportUrl } from '../exports/report';

/** Publishes the document's signed-off report; returns its public address. */
export function publishReport(props: { userId: string; document: DocumentForMember; publicBaseUrl: string; timeZone?: string }): Promise<{ url: string; revision: number }> {
  const { userId, document } = props;
  return writeTransaction(async (tx) => {
    await lockDocument(document.id, tx);
    const state = await getDocumentCollabState(document.id, tx);
    if (state?.status !== 'signed_off') {
      throw new AppError(409, 'conflict:state', 'Only a signed-off report can be published. Sign the document off first.');
    }
    const existing = await getPublicationByDocumentId(document.id, tx);
    // 24 random bytes: nobody finds the address without being given it.
    const slug = existing?.slug ?? randomBytes(24).toString('base64url');
    const url = publishedReportUrl(props.publicBaseUrl, slug)!;
    const report = { ...await buildReport(document.id, { publicBaseUrl: props.publicBaseUrl, timeZone: props.timeZone }), reportUrl: url };
    await upsertPublication({ documentId: document.id, slug, revision: report.document.revision, report, publishedBy: userId, publishedAt: new Date() }, tx);
    await recordEvent(
      { workspaceId: document.workspaceId, documentId: document.id, actorId: userId, action: 'document.published', subjectType: 'document', subjectId: document.id, before: existing ? { revision: existing.revision } : null, after: { revision: report.document.revision, url } },
      tx,
    );
    return { url, revision: report.document.revision };
  });
}

/** Takes the public report down (404 when it was not published). */
export async function unpublishReport(props: { userId: string; document: DocumentForMember }): Promise<void> {
  const { userId, document } = props;
  await writeTransaction(async (tx) => {
    await lockDocument(document.id, tx);
    const existing = await getPublicationByDocumentId(document.id, tx);
    if (!existing || !await deletePublication(document.id, tx)) throw new AppError(404, 'not_found', 'This report is not published.');
    await recordEvent(
      { workspaceId: document.workspaceId, documentId: document.id, actorId: userId, action: 'document.unpublished', subjectType: 'document', subjectId: document.id, before: { revision: existing.revision }, after: null },
      tx,
    );
  });
}
