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

function applyOne(step: Step, doc: PMNode): { doc: PMNode | null; failed: string | null } {
  try {
    const result = step.apply(doc);
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
export function applySteps(doc: PMNode, steps: readonly Step[], minChildren = WINDOW_MIN_CHILDREN): { doc: PMNode; changes: StepChange[] } {
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

  steps.forEach((step, index) => {
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
        const result = shifted ? applyOne(shifted, win) : null;
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
      const result = applyOne(step, article);
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
  return { doc: article, changes };
}
