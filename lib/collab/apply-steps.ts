/**
 * Applies a run of steps to a document, as `step.apply` one after another would, but
 * fast on long flat articles.
 *
 * An article is a doc node with thousands of top-level paragraphs. Every ProseMirror step
 * applied to it resolves its positions by scanning those children and copies the array of
 * them, so a keystroke costs time in proportion to the article's length. Most runs of
 * steps stay within a few neighbouring paragraphs (a reviewer types in one place), so the
 * steps are applied to a small doc holding just those paragraphs (the window) and the
 * result is spliced back into the article once, at the end.
 *
 * Equivalence: the window is a doc node of the same type and attributes, holding whole
 * top-level children of the article, and a step is applied to it only when every position
 * it reads lies inside the window. The result of such a step depends only on the window's
 * content, except for the check of the doc node's own content, which is `block+` in our
 * schema: a window that stays valid makes the article valid. When a step does not fit the
 * window, or fails in it (an empty window is invalid where the article would not be), the
 * step is applied to the whole article instead, so failures are always the article's own.
 */
import { Fragment, type Node as PMNode } from 'prosemirror-model';
import {
  AddMarkStep,
  AddNodeMarkStep,
  AttrStep,
  RemoveMarkStep,
  RemoveNodeMarkStep,
  ReplaceAroundStep,
  ReplaceStep,
  StepMap,
  type Step,
} from 'prosemirror-transform';
import type { StepChange } from '../claims/anchor';
import { hasBadCharacters, MAX_DEPTH, splitsCharacter } from '../editor/schema';

/** Below this many top-level children the article is small enough to apply steps to directly. */
export const WINDOW_MIN_CHILDREN = 64;

/** A step that does not apply: its index in the run and ProseMirror's reason. */
export class StepApplyError extends Error {
  constructor(
    readonly index: number,
    readonly reason: string,
  ) {
    super(`step ${index + 1} does not apply: ${reason}`);
  }
}

/** The positions a step reads: a range [from, to], or the node starting at `pos`. */
function stepSpan(step: Step): { from: number; to: number; node: boolean } | null {
  if (step instanceof ReplaceStep || step instanceof ReplaceAroundStep || step instanceof AddMarkStep || step instanceof RemoveMarkStep) {
    return { from: step.from, to: step.to, node: false };
  }
  if (step instanceof AttrStep || step instanceof AddNodeMarkStep || step instanceof RemoveNodeMarkStep) {
    return { from: step.pos, to: step.pos, node: true };
  }
  // DocAttrStep and step types of plugins: applied to the whole article.
  return null;
}

/** The article with what lies between positions `startPos` and `endPos` (whole top-level children) replaced by `content`. */
function splice(article: PMNode, startPos: number, endPos: number, content: Fragment): PMNode {
  return article.copy(article.content.cut(0, startPos).append(content).append(article.content.cut(endPos)));
}

/** Throws when an attribute or mark of `node` or its descendants is outside the schema's ranges, or its text holds bad characters. */
function checkNodes(fragment: Fragment): void {
  fragment.descendants((node) => {
    checkAttrs(node.type.spec.attrs, node.attrs, node.type.name);
    for (const mark of node.marks) checkAttrs(mark.type.spec.attrs, mark.attrs, mark.type.name);
    if (node.isText && hasBadCharacters(node.text!)) throw new RangeError('text must not hold control characters or lone surrogates');
    return true;
  });
}

function checkAttrs(specs: Record<string, { validate?: unknown }> | undefined, values: Record<string, unknown>, name: string): void {
  for (const key of Object.keys(values)) if (!specs || !(key in specs)) throw new RangeError(`${name} has no attribute "${key}"`);
  for (const [key, spec] of Object.entries(specs ?? {})) {
    if (typeof spec.validate !== 'function') continue;
    try {
      spec.validate(values[key]);
    } catch (e) {
      throw new RangeError(`${name}.${key} ${(e as Error).message}`);
    }
  }
}

/**
 * The schema's gate for one step, before it is applied to a document of content size
 * `size`: its positions in range (0 ≤ from ≤ to ≤ size, a gap inside its range), the
 * attributes and text of what it inserts valid. ProseMirror itself checks only that the
 * content fits; a backwards range would duplicate text and attributes are not validated.
 */
export function checkStep(step: Step, size: number): void {
  const span = stepSpan(step);
  if (!span) throw new RangeError(`steps of type ${String((step.toJSON() as { stepType?: unknown }).stepType)} are not accepted`);
  const bad = (n: number) => !Number.isInteger(n) || n < 0 || n > size;
  if (bad(span.from) || bad(span.to) || span.from > span.to || (span.node && span.from >= size)) {
    throw new RangeError(`positions ${span.from}–${span.to} are outside the document (0–${size}) or backwards`);
  }
  if (step instanceof ReplaceAroundStep) {
    if (!(step.from <= step.gapFrom && step.gapFrom <= step.gapTo && step.gapTo <= step.to) || step.insert < 0 || step.insert > step.slice.size) {
      throw new RangeError('its gap lies outside its range');
    }
  }
  if (step instanceof ReplaceStep || step instanceof ReplaceAroundStep) checkNodes(step.slice.content);
  else if (step instanceof AddMarkStep || step instanceof AddNodeMarkStep) checkAttrs(step.mark.type.spec.attrs, step.mark.attrs, step.mark.type.name);
}

/** Whether a step can change the nesting of blocks (inserts block nodes or wraps/lifts). */
function structural(step: Step): boolean {
  if (step instanceof ReplaceAroundStep) return true;
  if (!(step instanceof ReplaceStep)) return false;
  let blocks = false;
  step.slice.content.forEach((n) => (blocks ||= !n.isInline));
  return blocks;
}

/** Whether blocks of `node` nest deeper than MAX_DEPTH (text blocks' inline content is not walked). */
export function tooDeep(node: PMNode, depth = 0): boolean {
  if (depth > MAX_DEPTH) return true;
  if (node.isTextblock || node.isLeaf) return false;
  for (let i = 0; i < node.childCount; i++) if (tooDeep(node.child(i), depth + 1)) return true;
  return false;
}

function applyOne(step: Step, doc: PMNode, check: boolean): { doc: PMNode | null; failed: string | null } {
  try {
    if (check) {
      const span = stepSpan(step);
      if (span && !span.node && (splitsCharacter(doc, span.from) || splitsCharacter(doc, span.to))) {
        return { doc: null, failed: 'it would cut a character in half (between the halves of an emoji or other astral character)' };
      }
    }
    const result = step.apply(doc);
    if (check && result.doc && step instanceof AttrStep) {
      const node = result.doc.nodeAt(step.pos)!;
      if (!node.type.spec.attrs || !(step.attr in node.type.spec.attrs)) throw new RangeError(`${node.type.name} has no attribute "${step.attr}"`);
      checkAttrs(node.type.spec.attrs, node.attrs, node.type.name);
    }
    return { doc: result.doc, failed: result.failed };
  } catch (e) {
    // Positions outside the document throw instead of failing.
    return { doc: null, failed: (e as Error).message };
  }
}

/**
 * Applies `steps` to `doc` in order. Returns the resulting document and, for each step,
 * its map and the documents before and after it (built only when asked for: claim
 * anchors need them only near the edits). Throws StepApplyError for the first step that
 * does not apply; the caller then writes nothing.
 */
export function applySteps(
  doc: PMNode,
  steps: readonly Step[],
  minChildren = WINDOW_MIN_CHILDREN,
  { check = true }: { check?: boolean } = {},
): { doc: PMNode; changes: StepChange[] } {
  const changes: StepChange[] = [];
  // The article, exact whenever no window is open.
  let article = doc;
  // The open window: children of `article` from position `start` to `end` now live in `win`.
  let win: PMNode | null = null;
  let start = 0;
  let end = 0;
  // Shifts article positions to window positions.
  let shift = StepMap.empty;
  // What the article is now, window included, as a function (built only if asked for).
  let current: () => PMNode = () => doc;

  const close = () => {
    if (!win) return;
    article = splice(article, start, end, win.content);
    win = null;
  };
  const open = (from: number, to: number) => {
    const content = article.content;
    // One step alone gains nothing from a window: opening and splicing cost what it saves.
    if (content.childCount < minChildren || steps.length < 2) return;
    // The children holding `from` and `to`, with one more on either side.
    let first = -1;
    let last = content.childCount;
    let pos = 0;
    for (let i = 0; i < content.childCount; i++) {
      const next = pos + content.child(i).nodeSize;
      if (first < 0 && from < next) first = i;
      if (to < next) {
        last = i;
        break;
      }
      pos = next;
    }
    if (first < 0) first = content.childCount;
    first = Math.max(0, first - 1);
    last = Math.min(content.childCount, last + 2);
    start = 0;
    for (let i = 0; i < first; i++) start += content.child(i).nodeSize;
    end = start;
    const children: PMNode[] = [];
    for (let i = first; i < last; i++) {
      const child = content.child(i);
      children.push(child);
      end += child.nodeSize;
    }
    shift = StepMap.offset(-start);
    win = article.copy(Fragment.fromArray(children));
  };
  const snapshot = (): (() => PMNode) => {
    if (!win) {
      const fixed = article;
      return () => fixed;
    }
    const [base, s, e, w] = [article, start, end, win as PMNode];
    let built: PMNode | null = null;
    return () => (built ??= splice(base, s, e, w.content));
  };

  let size = doc.content.size;
  let restructured = false;
  steps.forEach((step, index) => {
    if (check) {
      try {
        checkStep(step, size);
      } catch (e) {
        throw new StepApplyError(index, (e as Error).message);
      }
      size = step.getMap().map(size, 1);
      restructured ||= structural(step);
    }
    const span = stepSpan(step);
    const before = current;
    let applied = false;
    if (span) {
      // The window's bounds in the coordinates of the current article.
      // (A range given backwards is left to the whole article: mapping would straighten it.)
      const fits = (w: PMNode) => span.from >= start && span.from <= span.to && (span.node ? span.to < start + w.content.size : span.to <= start + w.content.size);
      if (win && !fits(win)) close();
      if (!win) open(span.from, span.to);
      if (win && fits(win)) {
        const shifted = step.map(shift);
        const result = shifted ? applyOne(shifted, win, check) : null;
        if (result?.doc) {
          win = result.doc;
          applied = true;
        } else {
          close();
        }
      }
    } else {
      close();
    }
    if (!applied) {
      close();
      const result = applyOne(step, article, check);
      if (!result.doc) throw new StepApplyError(index, result.failed ?? 'unknown failure');
      article = result.doc;
    }
    const after = snapshot();
    current = after;
    changes.push({
      map: step.getMap(),
      get before() {
        return before();
      },
      get after() {
        return after();
      },
    });
  });
  close();
  if (restructured && tooDeep(article)) throw new StepApplyError(steps.length - 1, `blocks would nest deeper than ${MAX_DEPTH} levels`);
  return { doc: article, changes };
}
