/**
 * The editor's copy of the confirmed document and the most recent confirmed steps (with
 * the documents around each), so that a range the server stated at an older version —
 * a claim someone else created, a remote cursor — is brought to this editor's document
 * by the same rules the server uses.
 */
import { getVersion, sendableSteps } from 'prosemirror-collab';
import type { Node as PMNode } from 'prosemirror-model';
import type { EditorState } from 'prosemirror-state';
import type { Step } from 'prosemirror-transform';
import { mapAnchor, type Anchor, type StepChange } from '../claims/anchor';

/** How many confirmed steps are kept. */
export const STEP_HISTORY_SIZE = 2000;

/** The changes of an editor's unconfirmed steps, on top of the confirmed document. */
export function unconfirmedChanges(state: EditorState, confirmedDoc: PMNode): StepChange[] {
  const out: StepChange[] = [];
  let doc = confirmedDoc;
  for (const step of sendableSteps(state)?.steps ?? []) {
    const after = step.apply(doc).doc;
    if (!after) break;
    out.push({ map: step.getMap(), before: doc, after });
    doc = after;
  }
  return out;
}

export class StepHistory {
  private changes = new Map<number, StepChange>();

  constructor(
    /** The document at `version`, as the server has it. */
    private doc: PMNode,
    private version: number,
  ) {}

  /** The confirmed document. */
  get confirmedDoc(): PMNode {
    return this.doc;
  }

  /** The version of the confirmed document. */
  get confirmedVersion(): number {
    return this.version;
  }

  /**
   * Records confirmed steps that start at `version` (ones already recorded are skipped)
   * and returns the changes newly recorded, for the claims plugin's confirm meta.
   */
  confirm(version: number, steps: readonly Step[]): StepChange[] {
    const added: StepChange[] = [];
    steps.forEach((step, i) => {
      const v = version + i;
      if (v !== this.version) return;
      const after = step.apply(this.doc).doc;
      if (!after) throw new Error(`confirmed step ${v} does not apply`);
      const change = { map: step.getMap(), before: this.doc, after };
      this.changes.set(v, change);
      added.push(change);
      this.doc = after;
      this.version++;
      if (this.changes.size > STEP_HISTORY_SIZE) this.changes.delete(this.changes.keys().next().value!);
    });
    return added;
  }

  private since(version: number): StepChange[] | null {
    if (version > this.version) return null;
    const out: StepChange[] = [];
    for (let v = version; v < this.version; v++) {
      const change = this.changes.get(v);
      if (!change) return null;
      out.push(change);
    }
    return out;
  }


  /**
   * An anchor the server stated at `version`, in this editor's document; null while the
   * editor lacks steps that version includes (or it is too old to map).
   */
  placeAnchor(anchor: Anchor, version: number, state: EditorState): { confirmed: Anchor; anchor: Anchor } | null {
    if (getVersion(state) !== this.version) return null;
    const since = this.since(version);
    if (!since) return null;
    const confirmed = mapAnchor(anchor, since);
    return { confirmed, anchor: mapAnchor(confirmed, unconfirmedChanges(state, this.doc)) };
  }

  /** A position stated at `version`, in this editor's document (for remote cursors). */
  mapToCurrent(pos: number, version: number, state: EditorState, assoc = 1): number | null {
    const changes = this.since(version);
    if (!changes || getVersion(state) !== this.version) return null;
    let p = pos;
    for (const { map } of changes) p = map.map(p, assoc);
    for (const step of sendableSteps(state)?.steps ?? []) p = step.getMap().map(p, assoc);
    return Math.max(0, Math.min(p, state.doc.content.size));
  }
}
