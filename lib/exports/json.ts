/**
 * The complete export of a document (text as ProseMirror JSON, claims with sources and
 * comments, sign-offs, history) and its import as a new document. An import never carries
 * approvals or sign-offs over: they must be given again by this workspace's members, so
 * approved claims come back as proposed (by the importer) and the document as a draft.
 */
import { getSameClaims } from '@/db/queries/claim-links';
import { z } from 'zod';
import { writeTransaction } from '@/db';
import { getClaimsByDocumentId, insertClaim, insertSource } from '@/db/queries/claims';
import { getCommentsByClaimId, insertComment } from '@/db/queries/comments';
import { insertDocument } from '@/db/queries/documents';
// An import re-creates history: its events notify nobody (mentions in imported comments are not new).
import { insertEvent as recordEvent } from '@/db/queries/events';
import { getSignoffsByDocumentId } from '@/db/queries/signoffs';
import { getMembersByWorkspaceId } from '@/db/queries/users';
import { CLAIM_STATUSES, VERDICTS, type ClaimStatus } from '@/db/enums';
import { documentHistory } from '../audit/history';
import { invalidRangeReason, quoteAt } from '../claims/anchor';
import { createSourceSchema, isoDate } from '../claims/validation';
import { serializeComment } from '../comments/commands';
import { findMentions } from '../comments/mentions';
import { AppError, invalidBody, tooLarge } from '../errors';
import { MAX_DOCUMENT_CHARS } from '../editor/import';
import { documentProblem, schema } from '../editor/schema';
import { documentByline, documentTitle, httpUrl, languageTag, plainText } from '../validation';
import { serializeSignoff } from '../workflow/commands';
import type { Report } from './report';
import { DRAFT_MARK } from './report';
import { hasSuggestions } from '../suggestions/model';

export const EXPORT_FORMAT = 'factdesk-document';
export const EXPORT_FORMAT_VERSION = 1;

/** The JSON export of the report's document. */
export async function toJsonExport(r: Report) {
  const rows = new Map((await getClaimsByDocumentId(r.document.id)).map((c) => [c.id, c]));
  return {
    format: EXPORT_FORMAT,
    formatVersion: EXPORT_FORMAT_VERSION,
    exportedAt: r.generatedAt,
    ...(r.draft ? { notice: DRAFT_MARK } : {}),
    draft: r.draft,
    workspace: { name: r.workspace.name, organisation: r.workspace.organisation },
    document: { ...r.document, doc: r.doc },
    signoff: r.signoff,
    claims: await Promise.all(r.claims.map(async (c) => {
      const row = rows.get(c.id)!;
      return {
        ...c,
        from: row.from,
        to: row.to,
        assigneeId: row.assigneeId,
        comments: (await getCommentsByClaimId(c.id)).map(serializeComment),
        // Claims of other documents a reviewer linked as the same claim (Reuse).
        sameAs: (await getSameClaims(c.id)).map((s) => ({ claimId: s.id, documentId: s.documentId, documentTitle: s.documentTitle, statement: s.statement })),
      };
    })),
    // Suggested corrections accepted during the check: before → after, who proposed and who accepted.
    corrections: r.corrections,
    signoffs: (await getSignoffsByDocumentId(r.document.id)).map(serializeSignoff),
    history: await documentHistory({ id: r.document.id, workspaceId: r.workspace.id }, { limit: 100_000 }),
  };
}

const sourceSchema = createSourceSchema.extend({ accessedAt: isoDate });
const commentSchema = z.object({
  id: z.string().min(1).max(100),
  parentId: z.string().max(100).nullable(),
  authorId: z.string().max(100).nullable(),
  authorName: z.string().max(200).nullable(),
  body: z.union([z.literal(''), plainText(5000)]),
  resolved: z.boolean().default(false),
  deleted: z.boolean().default(false),
});

/** What an import reads from the export (other fields are ignored). */
export const importSchema = z.object({
  format: z.literal(EXPORT_FORMAT, { error: `must be "${EXPORT_FORMAT}" (a file exported from Factdesk as JSON)` }),
  formatVersion: z.literal(EXPORT_FORMAT_VERSION),
  workspaceId: z.string().min(1).max(100).optional(),
  /** The New document form's Title and Language: they win over the export's own. */
  title: documentTitle.optional(),
  language: languageTag.optional(),
  document: z.object({
    title: documentTitle,
    language: languageTag,
    sourceUrl: httpUrl.nullable(),
    byline: documentByline.nullable().optional(),
    publishedAt: isoDate.nullable().optional(),
    doc: z.record(z.string(), z.unknown()),
  }),
  claims: z
    .array(
      z.object({
        from: z.number().int().min(0),
        to: z.number().int().min(0),
        orphaned: z.boolean(),
        quote: z.object({ exact: z.string().max(100_000), prefix: z.string().max(1000), suffix: z.string().max(1000) }),
        statement: plainText(2000),
        claimant: plainText(200).nullable(),
        claimDate: isoDate.nullable(),
        verdict: z.enum(VERDICTS).nullable(),
        rationale: plainText(20_000).nullable(),
        tags: z.array(plainText(50)).max(30),
        status: z.enum(CLAIM_STATUSES),
        dismissReason: plainText(5000).nullable().optional(),
        sources: z.array(sourceSchema).max(50),
        comments: z.array(commentSchema).max(2000).default([]),
      }),
    )
    .max(10_000),
});
export type ImportInput = z.infer<typeof importSchema>;

/** The status an imported claim starts in (approvals are not imported). */
function importedStatus(status: ClaimStatus): ClaimStatus {
  return status === 'approved' ? 'proposed' : status;
}

/** Creates a new document from a JSON export. */
export function importJson(props: { userId: string; workspaceId: string; input: ImportInput }) {
  const { userId, workspaceId, input } = props;
  let doc;
  let problem: string | null;
  try {
    doc = schema.nodeFromJSON(input.document.doc);
    problem = documentProblem(doc) ?? (hasSuggestions(doc) ? 'it holds suggested corrections that are still pending; accept or reject them, then export again' : null);
  } catch (e) {
    problem = (e as Error).message;
  }
  if (problem || !doc) throw new AppError(400, 'invalid:content', `The document's content is not valid: ${problem}`);
  if (doc.textContent.length > MAX_DOCUMENT_CHARS) throw tooLarge(`The document has more than ${MAX_DOCUMENT_CHARS.toLocaleString('en')} characters.`);

  return writeTransaction(async (tx) => {
    const members = await getMembersByWorkspaceId(workspaceId, tx);
    const row = await insertDocument(
      { workspaceId, title: input.title ?? input.document.title, language: input.language ?? input.document.language, sourceUrl: input.document.sourceUrl, byline: input.document.byline ?? null, publishedAt: input.document.publishedAt ?? null, doc: doc.toJSON(), userId },
      tx,
    );
    for (const [i, c] of input.claims.entries()) {
      const live = !c.orphaned;
      if (live) {
        const reason = invalidRangeReason(doc, c.from, c.to);
        if (reason) throw invalidBody(`"claims.${i}": its range does not fit the document: ${reason}.`);
      }
      const quote = live ? quoteAt(doc, c.from, c.to) : c.quote;
      const at = Math.min(c.from, doc.content.size);
      const status = importedStatus(c.status);
      const claim = await insertClaim(
        {
          documentId: row.id,
          from: live ? c.from : at,
          to: live ? c.to : at,
          orphaned: !live,
          quoteExact: quote.exact,
          quotePrefix: quote.prefix,
          quoteSuffix: quote.suffix,
          statement: c.statement,
          claimant: c.claimant,
          claimDate: c.claimDate,
          verdict: c.verdict,
          rationale: c.rationale,
          tags: [...new Set(c.tags)],
          status,
          dismissReason: status === 'dismissed' ? (c.dismissReason ?? 'Dismissed before import') : null,
          proposedBy: status === 'proposed' ? userId : null,
          proposedAt: status === 'proposed' ? new Date() : null,
          lastChangedBy: userId,
          createdBy: userId,
        },
        tx,
      );
      for (const s of c.sources) await insertSource({ claimId: claim.id, ...s, createdBy: userId }, tx);
      const event = (action: string, subjectType: 'claim' | 'comment', subjectId: string, after: unknown) =>
        recordEvent({ workspaceId, documentId: row.id, actorId: userId, action, subjectType, subjectId, before: null, after }, tx);
      await event('claim.created', 'claim', claim.id, { statement: claim.statement, imported: true });
      // Comments keep their thread structure and are written by the importing user: an
      // import never speaks for anyone else; the original author is named in the text.
      const newIds = new Map<string, string>();
      for (const m of c.comments) {
        if (m.deleted) continue;
        const own = m.authorId === userId;
        const body = own ? m.body : `${m.authorName ?? 'Someone'} (imported): ${m.body}`;
        const parentId = m.parentId ? (newIds.get(m.parentId) ?? null) : null;
        const comment = await insertComment(
          {
            claimId: claim.id,
            documentId: row.id,
            parentId,
            authorId: userId,
            body,
            mentions: findMentions(body, members),
            resolvedAt: m.resolved && !parentId ? new Date() : null,
            resolvedBy: m.resolved && !parentId ? userId : null,
          },
          tx,
        );
        newIds.set(m.id, comment.id);
        await event(parentId ? 'comment.replied' : 'comment.added', 'comment', comment.id, { claimId: claim.id, parentId, body, mentions: comment.mentions, imported: true });
      }
    }
    await recordEvent(
      {
        workspaceId,
        documentId: row.id,
        actorId: userId,
        action: 'document.imported',
        subjectType: 'document',
        subjectId: row.id,
        after: { title: row.title, language: row.language, sourceUrl: row.sourceUrl, claims: input.claims.length },
      },
      tx,
    );
    return row;
  });
}
