/**
 * Accepting and rejecting suggested corrections. The authority applies the decision as
 * ordinary steps (the library's applySuggestion / revertSuggestion on the current text), so
 * every open editor receives it live and claim anchors are mapped as for any edit. The
 * route has checked the role; here: the lock, four eyes, and whether the suggestion is still
 * pending.
 */
import 'server-only';
import { applySuggestion, revertSuggestion } from '@handlewithcare/prosemirror-suggest-changes';
import { EditorState, type Transaction } from 'prosemirror-state';
import type { DocumentForMember } from '@/db/queries/documents';
import { getDocumentCollabState } from '@/db/queries/documents';
import { countSuggestionComments, getSuggestionComments, getSuggestionsByDocumentId, getSuggestionsByIds, insertSuggestionComment, updateSuggestion } from '@/db/queries/suggestions';
import { readTransaction, writeTransaction, type Tx } from '@/db';
import { recordEvent } from '../audit/record';
import { getWorkspaceSettings } from '@/db/queries/users';
import { loadCurrent, receiveSteps } from '../collab/authority';
import { publish } from '../collab/hub';
import { AppError, forbidden, notFound } from '../errors';
import { collectSuggestions, type DocSuggestion } from './model';

export type Decision = 'accept' | 'reject';

/** A suggestion as the API returns it: where it is now (pending ones), what it changes, who made and decided it. */
export interface SuggestionJSON {
  id: string;
  kind: string;
  from: number | null;
  to: number | null;
  /** What it adds (`text`) and what it removes (`before`). */
  text: string;
  before: string;
  authorId: string | null;
  authorName: string | null;
  createdAt: string;
  status: string;
  note: string | null;
  /** How many comments its thread has. */
  comments: number;
  decidedBy: string | null;
  decidedByName: string | null;
  decidedAt: string | null;
}

/** Every suggestion of the document (pending ones with their place in the current text), and the version that place is in. */
export async function listSuggestions(documentId: string): Promise<{ version: number; suggestions: SuggestionJSON[] }> {
  const { state, doc } = await currentState(documentId);
  const live = new Map(collectSuggestions(doc).map((s) => [s.id, s]));
  const rows = await getSuggestionsByDocumentId(documentId);
  const counts = await countSuggestionComments(documentId);
  return {
    version: state.version,
    suggestions: rows.map((r) => {
      const s = r.status === 'pending' ? live.get(r.id) : undefined;
      return {
        id: r.id,
        kind: s?.kind ?? r.kind,
        from: s?.from ?? null,
        to: s?.to ?? null,
        text: s?.after ?? r.afterText,
        before: s?.before ?? r.beforeText,
        authorId: r.authorId,
        authorName: r.authorName,
        createdAt: r.createdAt.toISOString(),
        status: r.status,
        note: r.note,
        comments: counts.get(r.id) ?? 0,
        decidedBy: r.decidedBy,
        decidedByName: r.decidedByName,
        decidedAt: r.decidedAt?.toISOString() ?? null,
      };
    }),
  };
}

/**
 * Accepts or rejects pending suggestions: one (`ids: [id]`), or all of the document (`ids`
 * undefined), optionally only those of one author. 409 when none of them is pending any
 * more, 423 when the document is signed off, 403 `forbidden:four_eyes` when the workspace
 * asks four eyes and the caller would accept their own. Returns the new version and what
 * was decided.
 */
export async function decideSuggestions(
  document: Pick<DocumentForMember, 'id' | 'workspaceId'>,
  userId: string,
  decision: Decision,
  select: { ids?: string[]; authorId?: string },
): Promise<{ version: number; decided: string[] }> {
  const settings = await getWorkspaceSettings(document.workspaceId);
  // One suggestion the document never had: 404, as for its note and comments.
  if (select.ids?.length === 1) await storedSuggestion(document.id, select.ids[0]!);
  // Another writer may move the version between reading and sending: read again and retry.
  for (let attempt = 0; ; attempt++) {
    const { state, doc } = await currentState(document.id);
    if (state.deletedAt) throw notFound();
    if (state.status === 'signed_off') {
      throw new AppError(423, 'locked', 'This document is signed off and locked. An editor must reopen it before its text can change.');
    }
    const pending = collectSuggestions(doc).filter((s) => (!select.ids || select.ids.includes(s.id)) && (!select.authorId || s.authorId === select.authorId));
    if (pending.length === 0) {
      throw new AppError(409, 'conflict:state', select.ids?.length === 1 ? 'This suggestion is no longer pending: someone accepted, rejected or withdrew it.' : 'No suggestion is pending here.');
    }
    if (decision === 'accept' && settings.suggestionsFourEyes && pending.some((s) => s.authorId === userId)) {
      throw new AppError(403, 'forbidden:four_eyes', 'You suggested this correction, so someone else must accept it (four eyes). You can reject your own suggestion.');
    }
    const steps = stepsFor(doc, pending, decision);
    try {
      const { version } = await receiveSteps({
        documentId: document.id,
        userId,
        version: state.version,
        clientID: `suggestions:${userId}`,
        steps: steps.map((s) => s.toJSON()),
        workspaceId: document.workspaceId,
        decision: { ids: new Set(pending.map((s) => s.id)), status: decision === 'accept' ? 'accepted' : 'rejected', by: userId },
      });
      return { version, decided: pending.map((s) => s.id) };
    } catch (e) {
      if (e instanceof AppError && e.code === 'conflict:version' && attempt < 5) continue;
      throw e;
    }
  }
}

/** The document's collab state and its current text, read together. */
function currentState(documentId: string) {
  return readTransaction(async (tx) => {
    const state = await getDocumentCollabState(documentId, tx);
    if (!state) throw notFound();
    return { state, doc: await loadCurrent(documentId, state.version, tx) };
  });
}

/**
 * The steps that accept or reject these suggestions in `doc`. The library's commands throw
 * on marks they cannot undo (a block change recorded without its previous value): that is a
 * 409 with a sentence, never a 500; such a suggestion can still be edited away by hand.
 */
function stepsFor(doc: EditorState['doc'], suggestions: DocSuggestion[], decision: Decision) {
  let state = EditorState.create({ doc });
  const steps: Transaction['steps'] = [];
  for (const s of suggestions) {
    const command = decision === 'accept' ? applySuggestion(s.id) : revertSuggestion(s.id);
    try {
      command(state, (tr) => {
        steps.push(...tr.steps);
        state = state.apply(tr);
      });
    } catch (e) {
      throw new AppError(409, 'conflict:state', `This suggestion cannot be ${decision === 'accept' ? 'accepted' : 'rejected'} automatically (${(e as Error).message}). Change the text in Editing instead.`);
    }
  }
  if (steps.length === 0) throw new AppError(409, 'conflict:state', `Nothing to ${decision}: the suggestion changes nothing the library can ${decision}. Change the text in Editing instead.`);
  return steps;
}

/** A suggestion's stored row, or 404 when the document never had it. */
async function storedSuggestion(documentId: string, suggestionId: string, tx?: Tx) {
  const [row] = await getSuggestionsByIds(documentId, [suggestionId], tx);
  if (!row) throw notFound('This suggestion');
  return row;
}

/**
 * Sets or clears the author's note on a pending suggestion ("the figure is in the ministry's
 * statement of 3 May"). Only its author may; 409 once decided, 423 when signed off.
 */
export async function setSuggestionNote(document: Pick<DocumentForMember, 'id' | 'workspaceId' | 'status'>, userId: string, suggestionId: string, note: string | null) {
  return writeTransaction(async (tx) => {
    const row = await storedSuggestion(document.id, suggestionId, tx);
    if (row.authorId !== userId) throw forbidden('Only the person who suggested this correction can change its note.');
    if (document.status === 'signed_off') throw new AppError(423, 'locked', 'This document is signed off and locked. An editor must reopen it first.');
    if (row.status !== 'pending') throw new AppError(409, 'conflict:state', 'This suggestion is no longer pending: its note cannot change.');
    await updateSuggestion(document.id, suggestionId, { note }, tx);
    await recordEvent({ workspaceId: document.workspaceId, documentId: document.id, actorId: userId, action: 'suggestion.noted', subjectType: 'suggestion', subjectId: suggestionId, before: { note: row.note }, after: { note } }, tx);
    return { note };
  }).then((result) => (publish(document.id, { type: 'suggestion', suggestionId }), result));
}

/** A suggestion's comment thread as the API returns it. */
export async function listSuggestionComments(documentId: string, suggestionId: string) {
  await storedSuggestion(documentId, suggestionId);
  return (await getSuggestionComments(documentId, suggestionId)).map((c) => ({ ...c, createdAt: c.createdAt.toISOString() }));
}

/** Adds a comment to a suggestion's thread (any member who may comment, also after the decision). */
export async function addSuggestionComment(document: Pick<DocumentForMember, 'id' | 'workspaceId'>, userId: string, suggestionId: string, body: string) {
  return writeTransaction(async (tx) => {
    await storedSuggestion(document.id, suggestionId, tx);
    const row = await insertSuggestionComment({ documentId: document.id, suggestionId, authorId: userId, body }, tx);
    await recordEvent({ workspaceId: document.workspaceId, documentId: document.id, actorId: userId, action: 'suggestion.commented', subjectType: 'suggestion', subjectId: suggestionId, after: { body } }, tx);
    return { id: row.id, body: row.body, authorId: row.authorId, createdAt: row.createdAt.toISOString() };
  }).then((result) => (publish(document.id, { type: 'suggestion', suggestionId }), result));
}
