/**
 * The fingerprint a sign-off stores: SHA-256 over the canonical JSON (RFC 8785, sorted keys,
 * no whitespace) of the document's text and metadata, its live claims and their sources.
 * Recomputing it later tells whether anything signed has changed since.
 */
import { createHash } from 'node:crypto';
import { getDb, type DbOrTx } from '@/db';
import { getClaimsByDocumentId } from '@/db/queries/claims';
import { getDocumentById, getDocumentCollabState } from '@/db/queries/documents';
import { evictDocument, loadCurrent } from '../collab/authority';
import { sourceContent } from '../claims/serialize';
import { notFound } from '../errors';

/** The state a sign-off covers, as plain JSON. `fresh` re-reads the text from the database, bypassing the cache. */
export async function signedState(documentId: string, db: DbOrTx = getDb(), fresh = false) {
  const document = await getDocumentById(documentId, db);
  const state = await getDocumentCollabState(documentId, db);
  if (!document || !state) throw notFound();
  if (fresh) evictDocument(documentId);
  const content = (await loadCurrent(documentId, state.version, db)).toJSON();
  const claims = (await getClaimsByDocumentId(documentId, db))
    .sort((a, b) => a.from - b.from || a.to - b.to || a.id.localeCompare(b.id))
    .map((c) => ({
      id: c.id,
      from: c.from,
      to: c.to,
      orphaned: c.orphaned,
      quote: { exact: c.quoteExact, prefix: c.quotePrefix, suffix: c.quoteSuffix },
      statement: c.statement,
      claimant: c.claimant,
      claimDate: c.claimDate,
      verdict: c.verdict,
      rationale: c.rationale,
      tags: c.tags,
      status: c.status,
      dismissReason: c.dismissReason,
      proposedBy: c.proposedBy,
      approvedBy: c.approvedBy,
      sources: c.sources.map(sourceContent),
    }));
  return {
    document: { id: document.id, title: document.title, language: document.language, sourceUrl: document.sourceUrl, revision: document.revision, content },
    claims,
  };
}

/**
 * SHA-256 (hex) of the canonical JSON of `value`. `canonicalize` is an ES module only (its
 * package exports no `require` entry): imported here, not at the top, so that scripts tsx runs
 * as CommonJS (npm run db:copy verifies sign-offs) can load this file too.
 */
export async function sha256OfCanonicalJson(value: unknown): Promise<string> {
  const { default: canonicalize } = await import('canonicalize');
  return createHash('sha256').update(canonicalize(value) ?? '', 'utf8').digest('hex');
}

/** The hash of the document's signed state now. */
export async function documentHash(documentId: string, db: DbOrTx = getDb(), fresh = false): Promise<string> {
  return sha256OfCanonicalJson(await signedState(documentId, db, fresh));
}
