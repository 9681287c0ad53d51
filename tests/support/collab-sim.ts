/**
 * Editors simulated in memory for the convergence property tests: each has its own
 * ProseMirror state with the collab and claims plugins and its confirmed-steps history, sends
 * its unconfirmed steps to the real authority and receives the stored ones at its own pace,
 * and places claim events once it has the steps they refer to.
 */
import type { Node as PMNode } from 'prosemirror-model';
import { collab, getVersion, receiveTransaction, sendableSteps } from 'prosemirror-collab';
import { EditorState, TextSelection, type Transaction } from 'prosemirror-state';
import { Step } from 'prosemirror-transform';
import { expect } from 'vitest';
import { getClaimsByDocumentId } from '@/db/queries/claims';
import { createClaim, type ClaimContext } from '@/lib/claims/commands';
import { currentDocument, evictDocument, stepsSince } from '@/lib/collab/authority';
import { StepHistory } from '@/lib/collab/step-history';
import { claimsConfirmKey, claimsKey, claimsPlugin, getClaimsState, type ClaimMark } from '@/lib/editor/claims-plugin';
import { schema } from '@/lib/editor/schema';

export interface ClaimEvent {
  id: string;
  from: number;
  to: number;
  orphaned: boolean;
  quote: { exact: string; prefix: string; suffix: string };
  version: number;
}

export interface SimClient {
  name: string;
  state: EditorState;
  history: StepHistory;
  inbox: ClaimEvent[];
}

/** A new editor of `doc` at `version`, with the claims it shows. */
export function simClient(name: string, doc: PMNode, version = 0, marks: ClaimMark[] = []): SimClient {
  return {
    name,
    state: EditorState.create({ doc, plugins: [collab({ version, clientID: name }), claimsPlugin(marks)] }),
    history: new StepHistory(doc, version),
    inbox: [],
  };
}

/**
 * Sends the client's unconfirmed steps through `submit` (the authority) and confirms them
 * when they are stored. Behind (409): nothing happens, it will receive and send again.
 */
export async function send(c: SimClient, submit: (version: number, steps: unknown[]) => Promise<unknown>): Promise<void> {
  const sendable = sendableSteps(c.state);
  if (!sendable) return;
  try {
    await submit(sendable.version, sendable.steps.map((s) => s.toJSON()));
  } catch (e) {
    if ((e as { status?: number }).status === 409) return;
    throw e;
  }
  const changes = c.history.confirm(sendable.version, sendable.steps);
  c.state = c.state.apply(receiveTransaction(c.state, sendable.steps, sendable.steps.map(() => c.name)).setMeta(claimsConfirmKey, { changes, confirmedDoc: c.history.confirmedDoc }));
}

/** Receives up to `max` stored steps (as the event stream delivers them), then places the claim events it can. */
export async function receive(c: SimClient, documentId: string, max: number): Promise<void> {
  const version = getVersion(c.state);
  const data = await stepsSince(documentId, version);
  const steps = data.steps.slice(0, max).map((j) => Step.fromJSON(schema, j));
  if (steps.length) {
    const changes = c.history.confirm(version, steps);
    c.state = c.state.apply(receiveTransaction(c.state, steps, data.clientIDs.slice(0, max)).setMeta(claimsConfirmKey, { changes, confirmedDoc: c.history.confirmedDoc }));
  }
  c.inbox = c.inbox.filter((event) => {
    const placed = c.history.placeAnchor(event, event.version, c.state);
    if (!placed) return true;
    c.state = c.state.apply(c.state.tr.setMeta(claimsKey, { type: 'upsert', claim: { id: event.id, verdict: null, ...placed } }));
    return false;
  });
}

/** Lets everything arrive: every client sends and receives, round after round, until all is quiet. */
export async function settle<C extends SimClient>(clients: C[], sendOne: (c: C) => Promise<void>, documentId: string): Promise<void> {
  for (let round = 0; round < 50; round++) {
    for (const c of clients) {
      await sendOne(c);
      await receive(c, documentId, Infinity);
    }
    if (clients.every((c) => !sendableSteps(c.state) && c.inbox.length === 0)) break;
  }
  for (const c of clients) await receive(c, documentId, Infinity);
}

/** Text positions (inside textblocks) of a document. */
export function textPositions(state: EditorState): number[] {
  const out: number[] = [];
  state.doc.descendants((node, pos) => {
    if (node.isTextblock) for (let i = 0; i <= node.content.size; i++) out.push(pos + 1 + i);
    return !node.isTextblock;
  });
  return out;
}

/** A random edit at a text position (`at` wraps around the document's text positions). */
export type SimEdit = { kind: 'type'; at: number; text: string } | { kind: 'delete'; at: number; length: number } | { kind: 'split'; at: number };

/** The transaction of `edit` on the client's state, or null when it would do nothing. */
export function editTransaction(state: EditorState, edit: SimEdit): Transaction | null {
  const positions = textPositions(state);
  const pos = positions[edit.at % positions.length]!;
  if (edit.kind === 'type') return state.tr.setSelection(TextSelection.create(state.doc, pos)).insertText(edit.text);
  if (edit.kind === 'split') return state.tr.split(pos);
  const end = positions[Math.min(positions.length - 1, (edit.at % positions.length) + edit.length)]!;
  return end > pos ? state.tr.delete(pos, end) : null;
}

/**
 * Like the editor, marks a claim on `length` characters from text position `at` (only when
 * all of the client's edits are confirmed), and tells every client, as the stream would.
 */
export async function markClaim(clients: SimClient[], c: SimClient, ctx: ClaimContext, at: number, length: number): Promise<void> {
  if (sendableSteps(c.state)) return;
  const positions = textPositions(c.state);
  const from = positions[at % positions.length]!;
  const to = Math.min(from + length, c.state.doc.resolve(from).end());
  if (!c.state.doc.textBetween(from, to).trim()) return;
  let claim;
  try {
    claim = await createClaim(ctx, { from, to, version: getVersion(c.state) });
  } catch (e) {
    if ((e as { status?: number }).status === 409) return;
    throw e;
  }
  for (const other of clients) other.inbox.push({ id: claim.id, from: claim.from, to: claim.to, orphaned: claim.orphaned, quote: claim.quote, version: getVersion(c.state) });
  await receive(c, ctx.documentId, 0);
}

/** Every client's document and claim ranges equal the server's. */
export async function expectConverged(clients: SimClient[], documentId: string): Promise<{ doc: PMNode; version: number }> {
  evictDocument(documentId);
  const current = await currentDocument(documentId);
  const serverDoc = schema.nodeFromJSON(current.doc);
  const serverClaims = (await getClaimsByDocumentId(documentId)).map((r) => ({ id: r.id, from: r.from, to: r.to, orphaned: r.orphaned })).sort((a, b) => a.id.localeCompare(b.id));
  for (const c of clients) {
    expect(sendableSteps(c.state)).toBeNull();
    expect(getVersion(c.state)).toBe(current.version);
    expect(c.state.doc.toJSON()).toEqual(serverDoc.toJSON());
    const mine = [...getClaimsState(c.state).claims.values()].map((m) => ({ id: m.id, from: m.anchor.from, to: m.anchor.to, orphaned: m.anchor.orphaned })).sort((a, b) => a.id.localeCompare(b.id));
    expect(mine, `claims of ${c.name}`).toEqual(serverClaims);
  }
  return { doc: serverDoc, version: current.version };
}
