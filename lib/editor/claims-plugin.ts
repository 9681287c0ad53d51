/**
 * The claims plugin: keeps every claim's anchor current through each transaction (with the
 * same mapAnchor the server uses) and draws the highlights as inline decorations, coloured
 * by verdict. On typing, only the highlights the change touched are rebuilt, so a long
 * article with thousands of claims stays fast.
 */
import type { Node as PMNode } from 'prosemirror-model';
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import type { Verdict } from '@/db/schema';
import { changesOf, mapAnchor, type Anchor, type StepChange } from '../claims/anchor';
import { unconfirmedChanges } from '../collab/step-history';

/** What the editor needs to know about a claim. */
export interface ClaimMark {
  id: string;
  /** Where the claim is in this editor's document (local unconfirmed edits included). */
  anchor: Anchor;
  /**
   * Where it is in the confirmed document (the server's, at the editor's version). Remote
   * steps move this one; the shown `anchor` is always this mapped through the editor's
   * unconfirmed steps. (Taking `anchor` for it, as an earlier version did when it was
   * missing, counted local typing twice: highlights drifted by the unconfirmed characters.)
   */
  confirmed: Anchor;
  verdict: Verdict | null;
}

/**
 * Meta of a transaction that confirms steps (prosemirror-collab's receiveTransaction):
 * the confirmed steps in the server's order, and the confirmed document after them.
 * Anchors are then recomputed the way the server computes them — through the confirmed
 * steps, then through this editor's unconfirmed ones — instead of through the rebase.
 */
export const claimsConfirmKey = new PluginKey('claimsConfirm');
export interface ClaimsConfirm {
  changes: StepChange[];
  confirmedDoc: PMNode;
}

/** The plugin's state. */
export interface ClaimsState {
  claims: Map<string, ClaimMark>;
  activeId: string | null;
  decorations: DecorationSet;
}

/** Changes sent to the plugin with `setMeta(claimsKey, action)`. */
export type ClaimsAction =
  | { type: 'set'; claims: ClaimMark[] }
  | { type: 'upsert'; claim: ClaimMark }
  | { type: 'remove'; id: string }
  | { type: 'activate'; id: string | null };

export const claimsKey = new PluginKey<ClaimsState>('claims');

function decorationFor(mark: ClaimMark): Decoration | null {
  const { from, to, orphaned } = mark.anchor;
  if (orphaned || to <= from) return null;
  return Decoration.inline(
    from,
    to,
    {
      // A wrapper element per claim, so overlapping claims nest instead of merging.
      nodeName: 'span',
      class: `claim-hl verdict-${mark.verdict ?? 'open'}`,
      'data-claim-id': mark.id,
    },
    { claimId: mark.id },
  );
}

function buildDecorations(state: EditorState, claims: Map<string, ClaimMark>): DecorationSet {
  const decos: Decoration[] = [];
  for (const mark of claims.values()) {
    const d = decorationFor(mark);
    if (d) decos.push(d);
  }
  return DecorationSet.create(state.doc, decos);
}

/** Whether any step of the transaction changed text inside or at the edges of the range. */
function touches(tr: Transaction, from: number, to: number): boolean {
  let a = from;
  let b = to;
  for (const map of tr.mapping.maps) {
    let hit = false;
    map.forEach((start, end) => {
      if (start <= b && end >= a) hit = true;
    });
    if (hit) return true;
    a = map.map(a, 1);
    b = map.map(b, -1);
  }
  return false;
}

function applyConfirm(tr: Transaction, value: ClaimsState, confirm: ClaimsConfirm, state: EditorState): ClaimsState {
  const local = tr.docChanged ? unconfirmedChanges(state, confirm.confirmedDoc) : [];
  const claims = new Map<string, ClaimMark>();
  for (const [id, mark] of value.claims) {
    const confirmed = mapAnchor(mark.confirmed, confirm.changes);
    // Without a document change only own steps were confirmed: the shown anchor is already right.
    claims.set(id, { ...mark, confirmed, anchor: tr.docChanged ? mapAnchor(confirmed, local) : mark.anchor });
  }
  return { claims, activeId: value.activeId, decorations: tr.docChanged ? buildDecorations(state, claims) : value.decorations };
}

function applyDocChange(tr: Transaction, value: ClaimsState): ClaimsState {
  const claims = new Map<string, ClaimMark>();
  const redraw: ClaimMark[] = [];
  const changes = changesOf(tr);
  for (const [id, mark] of value.claims) {
    const anchor = mapAnchor(mark.anchor, changes);
    const next = { ...mark, anchor };
    claims.set(id, next);
    if (anchor.orphaned !== mark.anchor.orphaned || (!mark.anchor.orphaned && touches(tr, mark.anchor.from, mark.anchor.to))) redraw.push(next);
  }
  let decorations = value.decorations.map(tr.mapping, tr.doc);
  if (redraw.length) {
    const ids = new Set(redraw.map((m) => m.id));
    decorations = decorations.remove(decorations.find(undefined, undefined, (spec) => ids.has(spec.claimId)));
    decorations = decorations.add(tr.doc, redraw.map((m) => decorationFor(m)).filter((d): d is Decoration => d !== null));
  }
  return { claims, activeId: value.activeId, decorations };
}

/** The claims plugin, starting with the given claims. */
export function claimsPlugin(initial: ClaimMark[]): Plugin<ClaimsState> {
  return new Plugin<ClaimsState>({
    key: claimsKey,
    state: {
      init: (_, state) => {
        const claims = new Map(initial.map((c) => [c.id, c]));
        return { claims, activeId: null, decorations: buildDecorations(state, claims) };
      },
      apply(tr, value, _old, newState) {
        const confirm = tr.getMeta(claimsConfirmKey) as ClaimsConfirm | undefined;
        let next = confirm ? applyConfirm(tr, value, confirm, newState) : tr.docChanged ? applyDocChange(tr, value) : value;
        const action = tr.getMeta(claimsKey) as ClaimsAction | undefined;
        if (!action) return next;
        const claims = new Map(next.claims);
        const activeId = next.activeId;
        if (action.type === 'set') {
          claims.clear();
          for (const c of action.claims) claims.set(c.id, c);
        } else if (action.type === 'upsert') claims.set(action.claim.id, action.claim);
        else if (action.type === 'remove') claims.delete(action.id);
        else {
          // Activating redraws nothing in the text: the highlight's look changes through a
          // style rule (see the view below), so a click into the words keeps its caret.
          return { ...next, activeId: action.id };
        }
        next = { claims, activeId, decorations: buildDecorations(newState, claims) };
        return next;
      },
    },
    props: {
      decorations: (state) => claimsKey.getState(state)?.decorations,
    },
    view: (view) => {
      // The active claim's highlight is styled by one rule naming it, kept beside the editor.
      const style = document.createElement('style');
      view.dom.parentNode?.insertBefore(style, view.dom);
      let shown: string | null = null;
      const update = (state: EditorState) => {
        const id = claimsKey.getState(state)?.activeId ?? null;
        if (id === shown) return;
        shown = id;
        style.textContent = id ? `.article-body .claim-hl[data-claim-id="${CSS.escape(id)}"] { background: rgba(var(--hl), 0.5); outline: 2px solid rgba(var(--hl), 1); }` : '';
      };
      update(view.state);
      return { update: (v) => update(v.state), destroy: () => style.remove() };
    },
  });
}

/** The claims plugin state of an editor state. */
export function getClaimsState(state: EditorState): ClaimsState {
  return claimsKey.getState(state)!;
}

/** The innermost claim whose highlight contains `pos`, or null. */
export function claimAt(state: EditorState, pos: number): ClaimMark | null {
  let best: ClaimMark | null = null;
  for (const mark of getClaimsState(state).claims.values()) {
    const { from, to, orphaned } = mark.anchor;
    if (orphaned || pos < from || pos > to) continue;
    if (!best || to - from < best.anchor.to - best.anchor.from) best = mark;
  }
  return best;
}

/** A claim as loaded with the document, before any local edit: its anchor is the confirmed one. */
export function initialClaimMark(mark: Omit<ClaimMark, 'confirmed'>): ClaimMark {
  return { ...mark, confirmed: mark.anchor };
}
