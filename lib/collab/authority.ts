/**
 * The central collaboration authority (prosemirror-collab protocol, see ARCHITECTURE.md).
 * The database decides: steps are accepted only on top of the stored version, inside one
 * write transaction, and the (document, version) primary key stops a second process from
 * taking the same version. The in-memory copy of each document is only a cache.
 */
import 'server-only';
import { Step } from 'prosemirror-transform';
import type { Node as PMNode } from 'prosemirror-model';
import { getDb, readTransaction, writeTransaction, type DbOrTx, type Tx } from '@/db';
import { getClaimAnchorsByDocumentId, updateClaimAnchors, type AnchorUpdate, type StoredAnchor } from '@/db/queries/claims';
import { getDocumentCollabState, getDocumentContent, getStepsSince, insertStepsAndUpdateDocument, lockCollabState } from '@/db/queries/documents';
import { changedRanges, mapAnchor, quoteAt, quoteMayHaveChanged, type Anchor, type StepChange, type Trail } from '../claims/anchor';
import { AppError, notFound } from '../errors';
import { MAX_DOCUMENT_CHARS } from '../editor/import';
import { docJSON, schema } from '../editor/schema';
import { applySteps, StepApplyError } from './apply-steps';
import { publish } from './hub';
import { scheduleReindex } from '../documents/search-index';
import { MAX_STEPS_PER_REQUEST } from './limits';
import { recordSuggestionChanges, type SuggestionDecision } from '../suggestions/record';
import { getDocumentWorkspaceId } from '@/db/queries/documents';

export { MAX_STEPS_PER_REQUEST };

/**
 * The stored snapshot of a document is refreshed once it is this many versions behind;
 * in between, the current document is the snapshot plus the stored steps after it.
 * Writing a snapshot serialises the whole article (milliseconds for a long one); replaying
 * this many steps when a process first opens the document takes about as long.
 */
export const SNAPSHOT_INTERVAL = 1000;

/** What a client sends: its base version, its client id and its unconfirmed steps. */
export interface StepSubmission {
  documentId: string;
  userId: string;
  version: number;
  clientID: string;
  steps: unknown[];
  /** The document's workspace (looked up when not given), for the audit events of suggestions. */
  workspaceId?: string;
  /** The sender may only suggest changes (a reviewer where the workspace asks it; lib/suggestions). */
  mustSuggest?: boolean;
  /** Suggestions these steps accept or reject (the endpoints of lib/suggestions/commands.ts). */
  decision?: SuggestionDecision;
}

interface CachedDoc {
  version: number;
  doc: PMNode;
}

// Per module instance, not on globalThis: Next bundles pages and route handlers
// separately, each with its own copy of the schema, and a document node built with one
// schema does not validate steps made with another.
const cache = new Map<string, CachedDoc>();

/**
 * The stored document at `version` (its current version). From the cache when the cache
 * holds that version; when the cache is behind (another process wrote steps), the steps
 * after it are read and applied; otherwise the snapshot and the steps after it are read.
 */
export async function loadCurrent(documentId: string, version: number, db: DbOrTx = getDb()): Promise<PMNode> {
  const cached = cache.get(documentId);
  if (cached && cached.version === version) return cached.doc;
  let base: { version: number; doc: PMNode };
  if (cached && cached.version < version) {
    base = cached;
  } else {
    const stored = await getDocumentContent(documentId, db);
    if (!stored) throw notFound();
    base = { version: stored.docVersion, doc: schema.nodeFromJSON(stored.doc) };
  }
  const rows = (await getStepsSince(documentId, base.version, db)).filter((row) => row.version <= version);
  if (base.version + rows.length !== version) throw new Error(`stored steps of ${documentId} do not reach version ${version}`);
  let doc: PMNode;
  try {
    // Stored steps passed the gate when they were accepted; replaying them does not re-check.
    doc = applySteps(base.doc, rows.map((row) => Step.fromJSON(schema, row.step)), undefined, { check: false }).doc;
  } catch (e) {
    if (e instanceof StepApplyError) throw new Error(`stored step ${rows[e.index]!.version} of ${documentId} does not apply: ${e.reason}`);
    throw e;
  }
  cache.set(documentId, { version, doc });
  return doc;
}

/**
 * The current version and content (JSON) of a document, read together in one read
 * transaction so they always match, whatever other writers do meanwhile.
 */
export function currentDocument(documentId: string): Promise<{ version: number; doc: unknown }> {
  return readTransaction(async (tx) => {
    const state = await getDocumentCollabState(documentId, tx);
    if (!state) throw notFound();
    return { version: state.version, doc: docJSON(await loadCurrent(documentId, state.version, tx)) };
  });
}

/**
 * Applies a client's steps if they were made on the current version; returns the new
 * version. Throws 409 `conflict:version` (nothing written) when the client is behind,
 * 400 `invalid:step` (nothing written) when any step does not apply, 423 `locked` when
 * the document is signed off.
 */
export async function receiveSteps(submission: StepSubmission): Promise<{ version: number }> {
  if (submission.steps.length > MAX_STEPS_PER_REQUEST) {
    throw new AppError(413, 'too_large', `Send at most ${MAX_STEPS_PER_REQUEST} steps per request.`);
  }
  // Steps made on an older version are refused before they queue for the document's lock (the
  // check under the lock below is the one that counts): most requests of a busy document lose.
  const seen = await getDocumentCollabState(submission.documentId);
  if (seen && !seen.deletedAt && seen.status !== 'signed_off' && seen.version > submission.version) throw staleVersion(submission.version, seen.version);
  const accepted = await writeTransaction(async (tx) => {
    // On PostgreSQL the document row stays locked until commit: requests for one document,
    // in any process, take their turn here (SQLite's write transaction already excludes them).
    const stored = await lockCollabState(submission.documentId, tx);
    if (!stored || stored.deletedAt) throw notFound();
    if (stored.status === 'signed_off') {
      throw new AppError(423, 'locked', 'This document is signed off and locked. An editor must reopen it before it can be changed.');
    }
    if (submission.version !== stored.version) throw staleVersion(submission.version, stored.version);
    const steps = submission.steps.map((json, i) => {
      try {
        return Step.fromJSON(schema, json);
      } catch (e) {
        throw new AppError(400, 'invalid:step', `Step ${i + 1} is not a valid step: ${(e as Error).message}`);
      }
    });
    let applied: { doc: PMNode; changes: StepChange[] };
    const current = await loadCurrent(submission.documentId, stored.version, tx);
    try {
      applied = applySteps(current, steps);
    } catch (e) {
      if (e instanceof StepApplyError) throw new AppError(400, 'invalid:step', `Step ${e.index + 1} does not apply to the document: ${e.reason}`);
      throw e;
    }
    const { doc, changes } = applied;
    const stepsJSON = steps.map((step) => step.toJSON());
    if (doc.content.size > MAX_DOCUMENT_CHARS) {
      throw new AppError(413, 'too_large', `The document would be longer than ${MAX_DOCUMENT_CHARS.toLocaleString('en')} characters.`);
    }
    await recordSuggestionChanges(
      {
        documentId: submission.documentId,
        workspaceId: async () => submission.workspaceId ?? (await getDocumentWorkspaceId(submission.documentId, tx)),
        actorId: submission.userId,
        before: current,
        after: doc,
        mustSuggest: submission.mustSuggest ?? false,
        steps: steps.map((step, i) => ({
          step,
          get before() {
            return changes[i]!.before;
          },
        })),
        decision: submission.decision,
      },
      tx,
    );
    await mapClaimAnchors(tx, submission.documentId, changes, doc, stored.anchors);
    const newVersion = stored.version + stepsJSON.length;
    const version = stepsJSON.length
      ? await insertStepsAndUpdateDocument({
          documentId: submission.documentId,
          fromVersion: stored.version,
          steps: stepsJSON,
          clientId: submission.clientID,
          userId: submission.userId,
          snapshot: newVersion - stored.docVersion >= SNAPSHOT_INTERVAL ? doc.toJSON() : undefined,
        }, tx)
      : stored.version;
    return { version, doc, steps: stepsJSON };
  });
  // Cache only what was committed: a rolled-back transaction must leave no trace.
  cache.set(submission.documentId, { version: accepted.version, doc: accepted.doc });
  scheduleReindex(submission.documentId, (version) => loadCurrent(submission.documentId, version));
  publish(submission.documentId, {
    type: 'steps',
    from: accepted.version - accepted.steps.length,
    steps: accepted.steps,
    clientIDs: accepted.steps.map(() => submission.clientID),
  });
  return { version: accepted.version };
}

function staleVersion(sent: number, stored: number): AppError {
  return new AppError(409, 'conflict:version', `The document is at version ${stored}, not ${sent}. Fetch the newer steps and try again.`, { version: stored });
}

/**
 * Maps every live claim of the document through the steps and stores the anchors that
 * changed. Quotes are re-read only near the edits: elsewhere the text did not change.
 */
async function mapClaimAnchors(tx: Tx, documentId: string, changes: StepChange[], doc: PMNode, read?: StoredAnchor[]) {
  if (changes.length === 0) return;
  const rows = read ?? (await getClaimAnchorsByDocumentId(documentId, tx));
  if (rows.length === 0) return;
  const ranges = changedRanges(changes);
  const updates: AnchorUpdate[] = [];
  for (const row of rows) {
    // A trail stored before ghosts (an object, not a list) is not read: undo falls back to the quote.
    const stored: unknown = row.anchorTrail ? JSON.parse(row.anchorTrail) : undefined;
    const trail = Array.isArray(stored) ? (stored as Trail) : undefined;
    const before: Anchor = { from: row.from, to: row.to, orphaned: row.orphaned, quote: { exact: row.quoteExact ?? '', prefix: row.quotePrefix ?? '', suffix: row.quoteSuffix ?? '' }, trail };
    const mapped = mapAnchor(before, changes);
    const trailJSON = mapped.trail ? JSON.stringify(mapped.trail) : null;
    const newlyOrphaned = mapped.orphaned && !before.orphaned;
    const quoteChanged = newlyOrphaned || (!mapped.orphaned && (before.orphaned || quoteMayHaveChanged(mapped, ranges)));
    const moved = mapped.from !== before.from || mapped.to !== before.to || mapped.orphaned !== before.orphaned;
    if (!moved && !quoteChanged && trailJSON === row.anchorTrail) continue;
    // Live claims away from the edits keep their stored quote (NULL leaves the column as it is).
    const quote = quoteChanged ? (mapped.orphaned ? mapped.quote : quoteAt(doc, mapped.from, mapped.to)) : null;
    updates.push({ id: row.id, from: mapped.from, to: mapped.to, orphaned: mapped.orphaned, quoteExact: quote?.exact ?? null, quotePrefix: quote?.prefix ?? null, quoteSuffix: quote?.suffix ?? null, anchorTrail: trailJSON });
  }
  await updateClaimAnchors(updates, tx);
}

/** Steps after `version` with their client ids, as prosemirror-collab's receiveTransaction wants them. */
export async function stepsSince(documentId: string, version: number): Promise<{ version: number; steps: unknown[]; clientIDs: string[] }> {
  const stored = await getDocumentCollabState(documentId);
  if (!stored || stored.deletedAt) throw notFound();
  if (version > stored.version) {
    throw new AppError(400, 'invalid:query', `Version ${version} is ahead of the document (at ${stored.version}).`);
  }
  const rows = await getStepsSince(documentId, version);
  return { version: stored.version, steps: rows.map((r) => r.step), clientIDs: rows.map((r) => r.clientId) };
}

/** Forgets the cached copy of a document (tests, and after out-of-band changes). */
export function evictDocument(documentId: string): void {
  cache.delete(documentId);
}
