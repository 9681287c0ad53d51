/**
 * What the server keeps of suggested corrections, in the transaction that stores the steps
 * that made or ended them (lib/collab/authority.ts). The marks in the text are the truth of
 * what is pending; a row per suggestion remembers who made it and when, its text as it last
 * stood, and what became of it. Every suggestion made, accepted, rejected or withdrawn writes
 * an audit event.
 */
import 'server-only';
import type { Node as PMNode } from 'prosemirror-model';
import type { Step } from 'prosemirror-transform';
import type { Tx } from '@/db';
import type { SuggestionStatus } from '@/db/enums';
import { getSuggestionsByIds, insertSuggestion, updateSuggestion } from '@/db/queries/suggestions';
import { recordEvent } from '../audit/record';
import { AppError } from '../errors';
import { noSuggestionsIn, notOnlySuggestions, stepsAddSuggestions, suggestionsOf, type DocSuggestion } from './model';

/** Suggestions the steps end on purpose (the accept and reject endpoints), and who decided. */
export interface SuggestionDecision {
  ids: ReadonlySet<string>;
  status: Extract<SuggestionStatus, 'accepted' | 'rejected'>;
  by: string;
}

export interface SuggestionChange {
  documentId: string;
  /** The document's workspace, asked for only when an event is written. */
  workspaceId: () => Promise<string>;
  /** Who sent the steps. */
  actorId: string;
  before: PMNode;
  after: PMNode;
  /** The sender may only suggest (a reviewer where the workspace asks it): anything else is refused. */
  mustSuggest: boolean;
  /** The steps, each with the document it applies to (checked when the sender must suggest). */
  steps: readonly { step: Step; before: PMNode }[];
  decision?: SuggestionDecision;
}

/**
 * Checks the steps' effect on suggestions and records it. Throws 403 `forbidden:suggest_only`
 * when a sender who may only suggest changed the text directly, 400 `invalid:step` when a new
 * suggestion carries someone else's id. Returns whether anything about suggestions changed.
 */
export async function recordSuggestionChanges(change: SuggestionChange, tx: Tx): Promise<boolean> {
  const { documentId, workspaceId, actorId, before, after } = change;
  if (change.mustSuggest) {
    const why = notOnlySuggestions(change.steps, after, actorId);
    if (why) {
      throw new AppError(403, 'forbidden:suggest_only', 'In this workspace reviewers suggest changes to the text; an editor accepts them. Switch to Suggesting to change the text.', { step: why.index + 1, reason: why.reason });
    }
  }
  // Most batches touch no suggestion: none before, and none added by the steps.
  if (suggestionsOf(before).length === 0 && !stepsAddSuggestions(change.steps.map((s) => s.step))) {
    noSuggestionsIn(after);
    return false;
  }
  const was = byId(suggestionsOf(before));
  const now = byId(suggestionsOf(after));
  if (was.size === 0 && now.size === 0) return false;
  const touched = [...new Set([...was.keys(), ...now.keys()])].filter((id) => !same(was.get(id), now.get(id)));
  if (touched.length === 0) return false;
  const stored = new Map((await getSuggestionsByIds(documentId, touched, tx)).map((row) => [row.id, row]));
  const event = async (action: string, id: string, s: DocSuggestion | undefined, actor: string) =>
    recordEvent(
      {
        workspaceId: await workspaceId(),
        documentId,
        actorId: actor,
        action: `suggestion.${action}`,
        subjectType: 'suggestion',
        subjectId: id,
        after: { kind: s?.kind ?? stored.get(id)?.kind, before: s?.before ?? stored.get(id)?.beforeText ?? '', after: s?.after ?? stored.get(id)?.afterText ?? '', authorId: stored.get(id)?.authorId ?? s?.authorId ?? null },
      },
      tx,
    );
  for (const id of touched) {
    const s = now.get(id);
    const row = stored.get(id);
    if (s && !was.has(id)) {
      if (!row) {
        // A new suggestion is its sender's own: the id names the author the marks are coloured for.
        if (s.authorId !== actorId) throw new AppError(400, 'invalid:step', 'A new suggestion must carry your own id.');
        await insertSuggestion({ documentId, id, authorId: actorId, kind: s.kind, beforeText: s.before, afterText: s.after }, tx);
        await event('created', id, s, actorId);
      } else {
        // Back in the text (an undo): pending again.
        await updateSuggestion(documentId, id, { kind: s.kind, beforeText: s.before, afterText: s.after, status: 'pending', decidedBy: null, decidedAt: null }, tx);
        if (row.status !== 'pending') await event('restored', id, s, actorId);
      }
    } else if (s) {
      // Grown or shrunk while it is typed.
      if (row) await updateSuggestion(documentId, id, { kind: s.kind, beforeText: s.before, afterText: s.after }, tx);
    } else if (row && row.status === 'pending') {
      const decided = change.decision?.ids.has(id) ? change.decision : undefined;
      const status: SuggestionStatus = decided?.status ?? 'withdrawn';
      await updateSuggestion(documentId, id, { status, decidedBy: decided?.by ?? actorId, decidedAt: new Date() }, tx);
      await event(status, id, undefined, decided?.by ?? actorId);
    }
  }
  return true;
}

function byId(list: DocSuggestion[]): Map<string, DocSuggestion> {
  return new Map(list.map((s) => [s.id, s]));
}

function same(a: DocSuggestion | undefined, b: DocSuggestion | undefined): boolean {
  return !!a && !!b && a.kind === b.kind && a.before === b.before && a.after === b.after;
}
