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

/**
 * Why a run of steps is not only suggestions, or null when it is: each step only adds or
 * removes suggestion marks, removes text that was only suggested (or the library's
 * zero-width markers), inserts text that is marked as inserted by the end of the run (the
 * library inserts, then marks), or changes a block's type or attributes while marking the
 * change (setNodeMarkup with a modification mark). This is the server's check for a reviewer
 * who may only suggest. It looks at the steps, not at the text before and after: steps that
 * prosemirror-collab rebased over someone else's concurrent suggestion are still suggestions,
 * though a deletion mark may then land on another person's suggested insertion.
 * Paragraph breaks (block boundaries without text) are not checked.
 */
export function notOnlySuggestions(steps: readonly { step: Step; before: PMNode }[], after: PMNode): { index: number; reason: string } | null {
  for (let i = 0; i < steps.length; i++) {
    const { step } = steps[i]!;
    const refuse = (reason: string) => ({ index: i, reason });
    if (step instanceof AddMarkStep || step instanceof RemoveMarkStep || step instanceof AddNodeMarkStep || step instanceof RemoveNodeMarkStep) {
      if (!NAMES.has(step.mark.type.name)) return refuse(`it changes the formatting (${step.mark.type.name}) directly`);
    } else if (step instanceof ReplaceStep) {
      if (step.to > step.from && !removesOnlySuggested(steps, i)) return refuse('it removes text that was not only suggested');
      if (step.slice.size === 0) continue;
      // Where the inserted content is at the end of the run: it must be marked as inserted by then.
      const rest = new Mapping(steps.slice(i + 1).map((s) => s.step.getMap()));
      const from = rest.map(step.from, 1);
      const to = rest.map(step.from + step.slice.size, -1);
      if (to > from && !ancestorsInserted(after.resolve(from)) && !onlySuggested(after.slice(from, to).content)) return refuse('it inserts text not marked as a suggestion');
    } else if (step instanceof ReplaceAroundStep) {
      // setNodeMarkup: the same content in a new node that carries a modification mark.
      const node = step.slice.content.firstChild;
      const markup = step.insert === 1 && step.slice.size === 2 && step.gapFrom === step.from + 1 && step.gapTo === step.to - 1;
      if (!markup || !node?.marks.some((m) => m.type.name === 'modification')) return refuse('it restructures blocks directly');
    } else {
      return refuse('this kind of step is not a suggestion');
    }
  }
  return null;
}

/**
 * Whether step `i` (a replacement) removes only suggested text: as the text is before the
 * step, or as it was at the start of the run (an undo first takes the insertion mark off,
 * then removes the text), or text the run itself inserted.
 */
function removesOnlySuggested(steps: readonly { step: Step; before: PMNode }[], i: number): boolean {
  const { step, before: doc } = steps[i]! as { step: ReplaceStep; before: PMNode };
  if (ancestorsInserted(doc.resolve(step.from)) || onlySuggested(doc.slice(step.from, step.to).content, true)) return true;
  if (i === 0) return false;
  const back = new Mapping(steps.slice(0, i).map((s) => s.step.getMap())).invert();
  const from = back.map(step.from, 1);
  const to = back.map(step.to, -1);
  const start = steps[0]!.before;
  return to <= from || ancestorsInserted(start.resolve(from)) || onlySuggested(start.slice(from, to).content, true);
}

function ancestorsInserted($pos: ReturnType<PMNode['resolve']>): boolean {
  for (let d = $pos.depth; d > 0; d--) if ($pos.node(d).marks.some((m) => m.type.name === 'insertion')) return true;
  return false;
}

/**
 * Whether every piece of text in `content` is suggested insertion (own mark or a block's), or
 * only zero-width markers; with `orDeleted`, text marked for deletion counts too. (Removing
 * such text is what an editor does when a concurrent deletion mark landed on text it had
 * itself suggested: the mark replaced the insertion mark. A client made to cheat could use it
 * to remove text another suggestion marked for deletion; the suggestion's withdrawal is in the
 * activity log.)
 */
function onlySuggested(content: Fragment, orDeleted = false): boolean {
  let ok = true;
  const visit = (node: PMNode, inserted: boolean) => {
    if (!ok) return;
    const marked = inserted || node.marks.some((m) => m.type.name === 'insertion' || (orDeleted && m.type.name === 'deletion'));
    if (node.isInline) {
      if (!marked && !(node.isText && node.text!.replace(ZWSP, '') === '')) ok = false;
      return;
    }
    node.forEach((child) => visit(child, marked));
  };
  content.forEach((node) => visit(node, false));
  return ok;
}
