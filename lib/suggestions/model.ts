/**
 * Suggested corrections as the document holds them: insertion, deletion and modification
 * marks of @handlewithcare/prosemirror-suggest-changes, each with the id of its suggestion.
 * Pure functions shared by the browser (the sidebar's cards), the server authority (which
 * records suggestions and checks that a reviewer who may only suggest did only that) and
 * the tests. No database code here.
 */
import type { Fragment, Mark, Node as PMNode } from 'prosemirror-model';
import { AddMarkStep, AddNodeMarkStep, Mapping, RemoveMarkStep, RemoveNodeMarkStep, ReplaceAroundStep, ReplaceStep, type Step } from 'prosemirror-transform';
import { suggestionAuthor } from '../editor/schema';

/** The zero-width space the library puts where a suggestion crosses a block boundary. */
const ZWSP = /\u200B/g;

export type SuggestionKind = 'insert' | 'delete' | 'replace' | 'format';

/** One suggestion as it stands in a document. */
export interface DocSuggestion {
  id: string;
  /** The author named in the id (the server checks it against the sender when the id first appears). */
  authorId: string;
  kind: SuggestionKind;
  /** The range it spans in the document (from its first to its last marked position). */
  from: number;
  to: number;
  /** The text it would remove (deletion marks) and add (insertion marks), without the library's zero-width spaces. */
  before: string;
  after: string;
}

const NAMES = new Set(['insertion', 'deletion', 'modification']);

function suggestionMarkOf(marks: readonly Mark[]): Mark | undefined {
  return marks.find((m) => NAMES.has(m.type.name));
}

/**
 * Every suggestion in `doc`, in document order. Text in a block that is itself inserted or
 * deleted (a node mark) counts for that suggestion; blocks are joined with a new line.
 */
export function collectSuggestions(doc: PMNode): DocSuggestion[] {
  const found = new Map<string, DocSuggestion & { parts: Set<string> }>();
  const visit = (node: PMNode, pos: number, inherited: Mark | undefined) => {
    const own = suggestionMarkOf(node.marks);
    const mark = own ?? inherited;
    if (own) {
      const id = String(own.attrs.id);
      let s = found.get(id);
      if (!s) {
        s = { id, authorId: suggestionAuthor(id), kind: 'insert', from: pos, to: pos + node.nodeSize, before: '', after: '', parts: new Set() };
        found.set(id, s);
      }
      s.parts.add(own.type.name);
      s.from = Math.min(s.from, pos);
      s.to = Math.max(s.to, pos + node.nodeSize);
    }
    if (node.isText && mark) {
      const s = found.get(String(mark.attrs.id))!;
      const text = node.text!.replace(ZWSP, '');
      if (mark.type.name === 'insertion') s.after += text;
      else if (mark.type.name === 'deletion') s.before += text;
      return;
    }
    if (node.isTextblock && inherited === undefined && own && own.type.name !== 'modification') {
      // A whole block inserted or deleted: its text, after the blocks before it.
      const s = found.get(String(own.attrs.id))!;
      const key = own.type.name === 'insertion' ? 'after' : 'before';
      if (s[key]) s[key] += '\n';
    }
    node.forEach((child, offset) => visit(child, pos + 1 + offset, mark && !node.isText && mark.type.name !== 'modification' ? mark : inherited));
  };
  doc.forEach((child, offset) => visit(child, offset, undefined));
  return [...found.values()]
    .map(({ parts, ...s }) => ({
      ...s,
      kind: (parts.has('insertion') && parts.has('deletion') ? 'replace' : parts.has('insertion') ? 'insert' : parts.has('deletion') ? 'delete' : 'format') as SuggestionKind,
    }))
    .sort((a, b) => a.from - b.from);
}

const collected = new WeakMap<PMNode, DocSuggestion[]>();

/** collectSuggestions, remembered per document node (the authority's document after one batch is the one before the next). */
export function suggestionsOf(doc: PMNode): DocSuggestion[] {
  let list = collected.get(doc);
  if (!list) collected.set(doc, (list = collectSuggestions(doc)));
  return list;
}

/** Remembers that `doc` holds no suggestion (known without looking). */
export function noSuggestionsIn(doc: PMNode): void {
  collected.set(doc, []);
}

/** Whether any of the steps adds a suggestion mark (as a mark step, or inside inserted content). */
export function stepsAddSuggestions(steps: readonly Step[]): boolean {
  return steps.some((step) => {
    if (step instanceof AddMarkStep || step instanceof AddNodeMarkStep) return NAMES.has(step.mark.type.name);
    if (step instanceof ReplaceStep || step instanceof ReplaceAroundStep) {
      let found = false;
      step.slice.content.descendants((node) => {
        if (!found && suggestionMarkOf(node.marks)) found = true;
        return !found;
      });
      return found;
    }
    return false;
  });
}

/** Whether the document holds any suggestion. */
export function hasSuggestions(doc: PMNode): boolean {
  let any = false;
  doc.descendants((node) => {
    if (any) return false;
    if (suggestionMarkOf(node.marks)) any = true;
    return !any;
  });
  return any;
}

type RunStep = { step: Step; before: PMNode };

/**
 * Why a run of steps (one request) is not only suggestions by `senderId`, or null when it is.
 * This is the server's check for a reviewer who may only suggest. Step by step:
 *
 * - marks other than suggestion marks, and modification marks (block changes, which cannot
 *   be suggested: the library's apply and revert of them are not reliable), are refused;
 * - an insertion mark goes only on text the run inserted, or on text that was suggested
 *   as inserted when the run began (the library re-marks a suggestion it joins);
 * - an insertion mark comes off only text that is gone, or marked as inserted again, by the
 *   end of the run (an undo takes the mark off, then removes the text);
 * - a deletion mark comes off only the sender's own deletions, unless marked again by the end;
 * - a suggestion mark with someone else's id goes only next to (or on) that suggestion;
 * - a replacement removes only text that was suggested as inserted (at that step or when the
 *   run began), the library's zero-width markers, or text someone else marked for deletion
 *   (their deletion mark landed on the sender's own suggestion); what it inserts must be
 *   marked as inserted by the end of the run; a paragraph break keeps the types of the blocks
 *   it splits or joins;
 * - other steps (ReplaceAroundStep, attributes) are refused.
 *
 * It looks at the steps, not at the text before and after: steps that prosemirror-collab
 * rebased over someone else's concurrent suggestion are still suggestions.
 */
export function notOnlySuggestions(steps: readonly RunStep[], after: PMNode, senderId: string): { index: number; reason: string } | null {
  const start = steps[0]?.before;
  if (!start) return null;
  const own = (id: unknown) => suggestionAuthor(id) === senderId;
  const others = (id: unknown) => !own(id);
  for (let i = 0; i < steps.length; i++) {
    const { step, before: doc } = steps[i]!;
    const refuse = (reason: string) => ({ index: i, reason });
    // A range of this step's document where it was when the run began, and where it is at its end.
    const atStart = (from: number, to: number) => mapRange(new Mapping(steps.slice(0, i).map((s) => s.step.getMap())).invert(), from, to);
    const atEnd = (from: number, to: number, fromStep = i) => mapRange(new Mapping(steps.slice(fromStep).map((s) => s.step.getMap())), from, to);
    if (step instanceof AddMarkStep || step instanceof RemoveMarkStep || step instanceof AddNodeMarkStep || step instanceof RemoveNodeMarkStep) {
      const name = step.mark.type.name;
      if (!NAMES.has(name)) return refuse(`it changes the formatting (${name}) directly`);
      if (name === 'modification') return refuse('changes of a block’s type or attributes cannot be suggested');
      const from = 'pos' in step ? step.pos : step.from;
      const to = 'pos' in step ? step.pos + (doc.nodeAt(step.pos)?.nodeSize ?? 0) : step.to;
      const adding = step instanceof AddMarkStep || step instanceof AddNodeMarkStep;
      const id = String(step.mark.attrs.id);
      if (adding && !own(id) && !idNear(doc, id, from, to) && !idNear(start, id, ...atStart(from, to))) {
        return refuse('it uses someone else’s suggestion elsewhere in the text');
      }
      if (adding && name === 'insertion') {
        const [f, t] = atStart(from, to);
        if (t > f && !ancestorsInserted(start.resolve(f)) && !onlySuggested(start.slice(f, t).content, 'insertion')) return refuse('it marks existing text as inserted');
      }
      if (!adding && name === 'insertion') {
        const [f, t] = atEnd(from, to);
        if (t > f && !onlySuggested(after.slice(f, t).content, 'insertion')) return refuse('it takes the insertion mark off text that stays');
      }
      if (!adding && name === 'deletion' && !deletionsIn(doc, from, to).every(own)) {
        const [f, t] = atEnd(from, to);
        if (t > f && !onlySuggested(after.slice(f, t).content, 'deletion')) return refuse('it takes back someone else’s deletion');
      }
    } else if (step instanceof ReplaceStep) {
      if (hasMark(step.slice.content, 'modification')) return refuse('changes of a block’s type or attributes cannot be suggested');
      if (step.to > step.from) {
        const [f, t] = atStart(step.from, step.to);
        const suggested =
          ancestorsInserted(doc.resolve(step.from)) ||
          onlySuggested(doc.slice(step.from, step.to).content, 'insertion', others) ||
          t <= f ||
          ancestorsInserted(start.resolve(f)) ||
          onlySuggested(start.slice(f, t).content, 'insertion', others);
        if (!suggested) return refuse('it removes text that was not only suggested');
      }
      if (!keepsBlockTypes(doc, step)) return refuse('it changes the type of a block');
      if (step.slice.size === 0) continue;
      // Where the inserted content is at the end of the run: it must be marked as inserted by then.
      const [f, t] = atEnd(step.from, step.from + step.slice.size, i + 1);
      if (t > f && !ancestorsInserted(after.resolve(f)) && !onlySuggested(after.slice(f, t).content, 'insertion')) return refuse('it inserts text not marked as a suggestion');
    } else if (step instanceof ReplaceAroundStep) {
      return refuse('it restructures blocks directly');
    } else {
      return refuse('this kind of step is not a suggestion');
    }
  }
  return null;
}

function mapRange(mapping: Mapping, from: number, to: number): [number, number] {
  return [mapping.map(from, 1), mapping.map(to, -1)];
}

/** Whether a mark with suggestion id `id` is on the nodes in [from, to] or touching it. */
function idNear(doc: PMNode, id: string, from: number, to: number): boolean {
  if (to < from) return false;
  const has = (node: PMNode | null | undefined) => !!node?.marks.some((m) => NAMES.has(m.type.name) && m.attrs.id === id);
  const $from = doc.resolve(from);
  const $to = doc.resolve(to);
  if (has($from.nodeBefore) || has($from.nodeAfter) || has($to.nodeBefore) || has($to.nodeAfter)) return true;
  for (let d = $from.depth; d > 0; d--) if (has($from.node(d))) return true;
  let found = false;
  doc.nodesBetween(from, to, (node) => {
    if (has(node)) found = true;
    return !found;
  });
  return found;
}

/** The ids of the deletion marks on the nodes in [from, to]. */
function deletionsIn(doc: PMNode, from: number, to: number): string[] {
  const ids: string[] = [];
  doc.nodesBetween(from, to, (node) => {
    for (const m of node.marks) if (m.type.name === 'deletion') ids.push(String(m.attrs.id));
  });
  return ids;
}

function hasMark(content: Fragment, name: string): boolean {
  let found = false;
  content.descendants((node) => {
    if (node.marks.some((m) => m.type.name === name)) found = true;
    return !found;
  });
  return found;
}

/**
 * Whether a replacement that opens blocks (a paragraph break split or joined) keeps the
 * types and attributes of the text around it: the innermost open block at each edge of the
 * slice joins the textblock at that edge, and must be of its kind when that block keeps text
 * on that side (Enter at the end of a heading starts a paragraph: no text changes kind).
 */
function keepsBlockTypes(doc: PMNode, step: ReplaceStep): boolean {
  const { slice } = step;
  const check = (edge: 'firstChild' | 'lastChild', open: number, pos: number) => {
    const $pos = doc.resolve(pos);
    const keepsText = edge === 'firstChild' ? $pos.parentOffset > 0 : $pos.parentOffset < $pos.parent.content.size;
    if (open === 0 || !keepsText) return true;
    let node: PMNode | null = null;
    let content = slice.content;
    for (let d = 0; d < open; d++) {
      node = content[edge];
      if (!node) return true;
      content = node.content;
    }
    return !!node && node.type === $pos.parent.type && JSON.stringify(node.attrs) === JSON.stringify($pos.parent.attrs);
  };
  return check('firstChild', slice.openStart, step.from) && check('lastChild', slice.openEnd, step.to);
}

function ancestorsInserted($pos: ReturnType<PMNode['resolve']>): boolean {
  for (let d = $pos.depth; d > 0; d--) if ($pos.node(d).marks.some((m) => m.type.name === 'insertion')) return true;
  return false;
}

/**
 * Whether every piece of text in `content` carries the `kind` mark (its own or a block's), or
 * is only the library's zero-width markers. For 'insertion', text marked for deletion under
 * an id that `deletedBy` accepts counts too.
 */
function onlySuggested(content: Fragment, kind: 'insertion' | 'deletion', deletedBy?: (id: unknown) => boolean): boolean {
  let ok = true;
  const counts = (m: Mark) => m.type.name === kind || (!!deletedBy && m.type.name === 'deletion' && deletedBy(m.attrs.id));
  const visit = (node: PMNode, marked: boolean) => {
    if (!ok) return;
    const now = marked || node.marks.some(counts);
    if (node.isInline) {
      if (!now && !(node.isText && node.text!.replace(ZWSP, '') === '')) ok = false;
      return;
    }
    node.forEach((child) => visit(child, now));
  };
  content.forEach((node) => visit(node, false));
  return ok;
}
