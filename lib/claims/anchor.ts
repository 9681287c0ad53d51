/**
 * Claim anchors: ranges of a ProseMirror document that follow the text through every
 * step. The same functions run on the server (the step authority keeps the rows current)
 * and in the browser (the highlight decorations), so both agree.
 *
 * Rules: an anchor covers from its first surviving character to its last one. Text typed
 * inside grows it; text typed exactly at either edge stays outside; deleting part of it
 * shrinks it. When every character is deleted the anchor is *orphaned*: it collapses to
 * where the text was and keeps its last quote. If that exact quote is later inserted at
 * that spot again (an undo), the anchor attaches to it again.
 */
import type { Node as PMNode } from 'prosemirror-model';
import type { StepMap } from 'prosemirror-transform';
import { splitsCharacter } from '../editor/schema';

/** A W3C TextQuoteSelector: the quoted text with up to 32 characters of context. */
export interface Quote {
  exact: string;
  prefix: string;
  suffix: string;
}

/** Where a claim sits in the document. */
export interface Anchor {
  from: number;
  to: number;
  orphaned: boolean;
  quote: Quote;
}

/** How much context a quote keeps on either side. */
export const QUOTE_CONTEXT_CHARS = 32;

/** Separator between blocks in a document's plain text. */
export const BLOCK_SEPARATOR = '\n';

/** The plain text of a range, blocks separated by a newline. */
export function textOf(doc: PMNode, from: number, to: number): string {
  return doc.textBetween(from, to, BLOCK_SEPARATOR, BLOCK_SEPARATOR);
}

/** The quote selector for a range: its text plus up to 32 characters before and after. */
export function quoteAt(doc: PMNode, from: number, to: number): Quote {
  const size = doc.content.size;
  // A window of positions is at least as long as the text in it, so this is enough context.
  const prefix = textOf(doc, Math.max(0, from - QUOTE_CONTEXT_CHARS * 2 - 8), from).slice(-QUOTE_CONTEXT_CHARS);
  const suffix = textOf(doc, to, Math.min(size, to + QUOTE_CONTEXT_CHARS * 2 + 8)).slice(0, QUOTE_CONTEXT_CHARS);
  return { exact: textOf(doc, from, to), prefix, suffix };
}

/** Why a range cannot be a claim, or null when it can. */
export function invalidRangeReason(doc: PMNode, from: number, to: number): string | null {
  if (!Number.isInteger(from) || !Number.isInteger(to)) return 'from and to must be whole numbers';
  if (from < 0 || to > doc.content.size) return `the range ${from}–${to} is outside the document (0–${doc.content.size})`;
  if (to <= from) return 'the range is empty: select some text first';
  if (splitsCharacter(doc, from) || splitsCharacter(doc, to)) return 'the range starts or ends inside a character (between the halves of an emoji or other astral character)';
  if (!textOf(doc, from, to).trim()) return 'the selection contains no text';
  return null;
}

/** One applied step: its map and the documents before and after it. */
export interface StepChange {
  map: StepMap;
  before: PMNode;
  after: PMNode;
}

/** The step changes of a transaction (anything with steps, docs, mapping and doc). */
export function changesOf(tr: { docs: readonly PMNode[]; doc: PMNode; mapping: { maps: readonly StepMap[] } }): StepChange[] {
  return tr.mapping.maps.map((map, i) => ({ map, before: tr.docs[i]!, after: tr.docs[i + 1] ?? tr.doc }));
}

/**
 * Maps one anchor through applied steps, one step at a time, so that the server (which
 * receives several steps at once) and the browser (a transaction at a time) agree exactly.
 * The quote of a live anchor is left as it was (refresh it with `refreshQuote` where it is
 * stored); an anchor orphaned here keeps the text it had just before the step that
 * deleted it.
 */
export function mapAnchor(anchor: Anchor, changes: readonly StepChange[]): Anchor {
  let { from, to, orphaned, quote } = anchor;
  for (const { map, before, after } of changes) {
    if (orphaned) {
      // The stretch inserted exactly at the orphan's spot lies between these two.
      const left = map.map(from, -1);
      const right = map.map(from, 1);
      from = to = left;
      const found = right > left ? findText(after, quote.exact, left, right) : null;
      if (found) {
        ({ from, to } = found);
        orphaned = false;
      }
      continue;
    }
    const next = mapLiveRange(from, to, map);
    // After a change inside or at the range, its edges move to its first and last text
    // character; a range left holding no text (deleted across blocks) is orphaned too.
    const live = next && next.touched ? snapToText(after, next.from, next.to) : next;
    if (!live) {
      quote = quoteAt(before, from, to);
      orphaned = true;
      from = to = next ? next.from : map.map(from, -1);
    } else {
      ({ from, to } = live);
    }
  }
  return { from, to, orphaned, quote };
}

/** The stretches of the final document that the steps replaced or inserted. */
export function changedRanges(changes: readonly StepChange[]): { from: number; to: number }[] {
  const ranges: { from: number; to: number }[] = [];
  changes.forEach(({ map }, i) => {
    map.forEach((_oldStart, _oldEnd, newStart, newEnd) => {
      let from = newStart;
      let to = newEnd;
      for (let j = i + 1; j < changes.length; j++) {
        from = changes[j]!.map.map(from, -1);
        to = changes[j]!.map.map(to, 1);
      }
      ranges.push({ from, to });
    });
  });
  return ranges;
}

/** Whether a change came close enough to the anchor to alter its quote or context. */
export function quoteMayHaveChanged(anchor: Anchor, ranges: readonly { from: number; to: number }[]): boolean {
  // quoteAt reads at most QUOTE_CONTEXT_CHARS * 2 + 8 positions on either side.
  const margin = QUOTE_CONTEXT_CHARS * 2 + 16;
  return ranges.some((r) => r.from <= anchor.to + margin && r.to >= anchor.from - margin);
}

/** The anchor with its quote read from the current document (orphans keep their last quote). */
export function refreshQuote(anchor: Anchor, doc: PMNode): Anchor {
  return anchor.orphaned ? anchor : { ...anchor, quote: quoteAt(doc, anchor.from, anchor.to) };
}

/**
 * The range of surviving characters after one step, or null when the step deleted them all.
 * Deleted stretches at the edges pull the edge to the next surviving character, so text
 * that replaces the claim's first or last words is not counted as part of it.
 */
function mapLiveRange(from: number, to: number, map: StepMap): { from: number; to: number; touched: boolean } | null {
  let newFrom: number | null = null;
  let newTo: number | null = null;
  let allDeleted = false;
  let touched = false;
  map.forEach((oldStart, oldEnd) => {
    if (oldStart < to && oldEnd > from) touched = true;
    if (oldStart <= from && oldEnd >= to && oldEnd > oldStart) allDeleted = true;
    else {
      // The first character is deleted: the anchor starts after the deleted stretch.
      if (oldStart <= from && from < oldEnd) newFrom = map.map(oldEnd, 1);
      // The last character is deleted: the anchor ends before the deleted stretch.
      if (oldStart < to && to <= oldEnd) newTo = map.map(oldStart, -1);
    }
  });
  if (allDeleted) return null;
  const f = newFrom ?? map.map(from, 1);
  const t = newTo ?? map.map(to, -1);
  return f < t ? { from: f, to: t, touched } : null;
}

/** The range shrunk to its first and last text character, or null when it holds no text. */
function snapToText(doc: PMNode, from: number, to: number): { from: number; to: number } | null {
  let first = -1;
  let last = -1;
  doc.nodesBetween(from, to, (node, pos) => {
    if (!node.isText) return true;
    const start = Math.max(from, pos);
    const end = Math.min(to, pos + node.nodeSize);
    if (start < end) {
      if (first < 0) first = start;
      last = end;
    }
    return false;
  });
  return first < 0 ? null : { from: first, to: last };
}

/** The positions of the first occurrence of `text` between `start` and `end`, or null. */
export function findText(doc: PMNode, text: string, start = 0, end = doc.content.size): { from: number; to: number } | null {
  const { chars, positions } = textWithPositions(doc, start, end);
  if (text.length === 0) return null;
  const index = chars.indexOf(text);
  if (index < 0) return null;
  return { from: positions[index]!, to: positions[index + text.length - 1]! + 1 };
}

/** The plain text of a range (blocks separated by a newline) with the position of every character. */
export function textWithPositions(doc: PMNode, start = 0, end = doc.content.size): { chars: string; positions: number[] } {
  let chars = '';
  const positions: number[] = [];
  let seenBlock = false;
  doc.nodesBetween(start, end, (node, pos) => {
    if (node.isTextblock) {
      if (seenBlock) {
        chars += BLOCK_SEPARATOR;
        positions.push(pos);
      }
      seenBlock = true;
    } else if (node.isText) {
      const from = Math.max(start, pos);
      const to = Math.min(end, pos + node.nodeSize);
      chars += node.text!.slice(from - pos, to - pos);
      for (let p = from; p < to; p++) positions.push(p);
    } else if (node.type.name === 'hard_break') {
      chars += BLOCK_SEPARATOR;
      positions.push(pos);
    }
    return true;
  });
  return { chars, positions };
}
