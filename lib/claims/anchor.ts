/**
 * Claim anchors: ranges of a ProseMirror document that follow the text through every
 * step. The same functions run on the server (the step authority keeps the rows current)
 * and in the browser (the highlight decorations), so both agree.
 *
 * Rules: an anchor covers from its first surviving character to its last one. Text typed
 * inside grows it; text typed exactly at either edge stays outside; deleting part of it
 * shrinks it. When every character is deleted the anchor is *orphaned*: it collapses to
 * where the text was and keeps its last quote. If that exact quote is later inserted at
 * that spot again (an undo), the anchor attaches to it again — to the occurrence whose
 * surroundings best match the quote's prefix and suffix, when the inserted text repeats it.
 *
 * Undo restores what was deleted, in one step or several: so an anchor keeps a `trail` of
 * the deletions at its edges and around its orphaned spot, and the step that puts the
 * newest of those texts back where it was (an undo) puts the claim's part back into it.
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

/**
 * One deletion next to a claim, kept so that the undo that puts its text back (the same
 * text at the same place) puts the claim's part of it back into the claim: `text` is all
 * it deleted; `at` the character where the claim's part starts (a deletion at the claim's
 * start, or the one that took an orphan's last words) or ends (at the claim's end), or where
 * an orphan's spot lay in it; `claim` the length of the claim's words in it, for the one
 * that orphaned the claim.
 */
export interface Piece {
  text: string;
  at: number;
  claim?: number;
  /** For deletions around an orphan: the spot (or the claim's start and end) in positions from the deletion's start. */
  spot?: number;
  end?: number;
}

/** Deletions at a claim's start and end, and around its spot once orphaned, newest last. */
export interface Trail {
  before: Piece[];
  after: Piece[];
  hole: Piece[];
}

/** Where a claim sits in the document. */
export interface Anchor {
  from: number;
  to: number;
  orphaned: boolean;
  quote: Quote;
  /** What undo may bring back (absent when nothing). */
  trail?: Trail;
}

/** A trail keeps at most this many deletions on each side (the oldest go first). */
const MAX_TRAIL = 200;

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
  // Context counts code points (an emoji is one), so it never starts or ends inside a pair.
  const prefix = Array.from(textOf(doc, Math.max(0, from - QUOTE_CONTEXT_CHARS * 2 - 8), from)).slice(-QUOTE_CONTEXT_CHARS).join('');
  const suffix = Array.from(textOf(doc, to, Math.min(size, to + QUOTE_CONTEXT_CHARS * 2 + 8))).slice(0, QUOTE_CONTEXT_CHARS).join('');
  return { exact: textOf(doc, from, to), prefix, suffix };
}

/**
 * The range shrunk to the text it covers: no leading or trailing whitespace, line breaks or
 * block boundaries (a selection that starts at the end of the previous paragraph or ends at
 * the start of the next one). Null when it covers no text but whitespace.
 */
export function trimRange(doc: PMNode, from: number, to: number): { from: number; to: number } | null {
  const { chars, positions } = textWithPositions(doc, from, to);
  let first = 0;
  let last = chars.length - 1;
  while (first <= last && /\s/.test(chars[first]!)) first++;
  while (last >= first && /\s/.test(chars[last]!)) last--;
  if (first > last) return null;
  return { from: positions[first]!, to: positions[last]! + 1 };
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
  const trail: Trail = { before: [...(anchor.trail?.before ?? [])], after: [...(anchor.trail?.after ?? [])], hole: [...(anchor.trail?.hole ?? [])] };
  for (const { map, before, after } of changes) {
    if (orphaned) {
      const spot = from;
      let placed: { from: number; to: number } | null = null;
      let left = map.map(spot, -1);
      let right = map.map(spot, 1);
      let moved: number | null = null;
      map.forEach((oldStart, oldEnd, newStart, newEnd) => {
        if (oldStart > spot || spot > oldEnd) return;
        // A deletion around the spot: remember where in its text the spot lay.
        if (oldEnd > oldStart) push(trail.hole, { text: textOf(before, oldStart, oldEnd), at: textOf(before, oldStart, spot).length, spot: spot - oldStart });
        if (newEnd <= newStart) return;
        left = Math.min(left, newStart);
        right = Math.max(right, newEnd);
        // The text of the newest deletions put back in their place (an undo): exact placement.
        const inserted = textOf(after, newStart, newEnd);
        const undone = unwrapHole(inserted, trail.hole);
        if (undone) {
          trail.hole.length -= undone.popped;
          // The undo puts back the same content at the same place: positions count as before.
          if (undone.claim) placed = { from: newStart + undone.claim.start, to: newStart + undone.claim.end };
          else moved = newStart + undone.spot;
        }
      });
      from = to = moved ?? map.map(spot, -1);
      if (!placed && right > left) {
        // Other text at the spot that holds the claim's words attaches it, at the occurrence
        // whose surroundings match the quote best: as much of the claim as it was before its
        // edges were deleted as the text holds (an undo merged from several deletions puts
        // back some of them at once), else its last words.
        const parts = (pieces: Piece[], side: 'before' | 'after') => pieces.map((p) => (side === 'before' ? p.text.slice(p.at) : p.text.slice(0, p.at)));
        const befores = parts(trail.before, 'before');
        const afters = parts(trail.after, 'after');
        search: for (let i = 0; i <= Math.min(befores.length, 50); i++) {
          for (let j = 0; j <= Math.min(afters.length, 50); j++) {
            // Keep the newest deletions' words: drop the oldest i at the start and j at the end.
            const head = befores.slice(i).join('') + quote.exact;
            const tail = afters.slice(j).reverse().join('');
            // Words deleted from inside the claim may come back in the same undo, between.
            const found = findQuote(after, { ...quote, exact: head + tail }, left, right) ?? (tail ? findSpan(after, head, tail, left, right) : null);
            if (found) {
              placed = found;
              trail.before.length = i;
              trail.after.length = j;
              trail.hole.length = 0;
              break search;
            }
          }
        }
      }
      if (placed) {
        ({ from, to } = placed as { from: number; to: number });
        orphaned = false;
      }
      continue;
    }
    const edges = edgeChanges(before, after, map, from, to, trail);
    const next = mapLiveRange(from, to, map);
    // After a change inside or at the range, its edges move to its first and last text
    // character; a range left holding no text (deleted across blocks) is orphaned too.
    const live = next && next.touched ? snapToText(after, next.from, next.to) : next;
    if (!live) {
      quote = quoteAt(before, from, to);
      orphaned = true;
      // The deletion that took the last words: its text, and where the words were in it.
      let spot: number | null = null;
      map.forEach((oldStart, oldEnd) => {
        if (spot === null && oldStart <= from && oldEnd >= to && oldEnd > oldStart) {
          push(trail.hole, { text: textOf(before, oldStart, oldEnd), at: textOf(before, oldStart, from).length, claim: quote.exact.length, spot: from - oldStart, end: to - oldStart });
          spot = map.map(oldStart, -1);
        }
      });
      from = to = spot ?? (next ? next.from : map.map(from, -1));
    } else {
      ({ from, to } = live);
      // Text put back exactly at an edge (an undo) joins the claim again.
      if (edges.growFrom !== null && edges.growFrom < from) from = edges.growFrom;
      if (edges.growTo !== null && edges.growTo > to) to = edges.growTo;
    }
  }
  const out: Anchor = { from, to, orphaned, quote };
  if (trail.before.length || trail.after.length || trail.hole.length) out.trail = trail;
  return out;
}

/**
 * Reads inserted text as the undo of the newest deletions around an orphan's spot (outermost
 * first): each put back text before the spot and after it, around what the next one put
 * back; the innermost may be the deletion that took the claim's last words. Returns how
 * many deletions it undoes and where the spot, or the claim's words, are in it (positions);
 * null when the text is not such an undo.
 */
function unwrapHole(inserted: string, hole: readonly Piece[]): { popped: number; spot: number; claim?: { start: number; end: number } } | null {
  let text = inserted;
  let offset = 0;
  for (let i = hole.length - 1; i >= 0; i--) {
    const piece = hole[i]!;
    if (piece.spot === undefined) return null;
    if (piece.claim !== undefined) {
      return text === piece.text ? { popped: hole.length - i, spot: offset, claim: { start: offset + piece.spot, end: offset + piece.end! } } : null;
    }
    const pre = piece.text.slice(0, piece.at);
    const post = piece.text.slice(piece.at);
    if (text.length < piece.text.length || !text.startsWith(pre) || !text.endsWith(post)) return null;
    offset += piece.spot;
    text = text.slice(pre.length, text.length - post.length);
    if (!text) return { popped: hole.length - i, spot: offset };
  }
  return null;
}

function push(stack: Piece[], piece: Piece) {
  stack.push(piece);
  if (stack.length > MAX_TRAIL) stack.shift();
}

/**
 * What one step does at a live anchor's edges: a deletion that takes its first or last
 * characters is pushed on the trail; the undo of the newest one (its text put back where it
 * was) extends the anchor over the claim's part of it (`growFrom`/`growTo`, positions after
 * the step) and is taken off the trail.
 */
function edgeChanges(before: PMNode, after: PMNode, map: StepMap, from: number, to: number, trail: Trail) {
  let growFrom: number | null = null;
  let growTo: number | null = null;
  map.forEach((oldStart, oldEnd, newStart, newEnd) => {
    // Text put in right before the claim or right after it (an insertion, or the replacement
    // of a block boundary that the undo of a deletion across paragraphs is).
    if (newEnd > newStart && (oldEnd === from || oldStart === to)) {
      const inserted = textOf(after, newStart, newEnd);
      const first = trail.before.at(-1);
      const last = trail.after.at(-1);
      if (oldEnd === from && first) {
        // The newest deletions at the start, put back (one undo may put back several: the
        // history merges neighbouring steps), end the inserted text, newest last.
        let text = inserted;
        let start: number | null = null;
        while (trail.before.length && text.endsWith(trail.before.at(-1)!.text)) {
          const piece = trail.before.pop()!;
          const offset = text.length - piece.text.length;
          if (piece.at < piece.text.length) start = offset + piece.at;
          text = text.slice(0, offset);
        }
        // Merged with the undo of a deletion inside the claim, put back after it.
        if (start === null && trail.before.length && text.startsWith(trail.before.at(-1)!.text)) {
          const piece = trail.before.pop()!;
          if (piece.at < piece.text.length) start = piece.at;
        }
        if (start !== null) growFrom = positionOfChar(after, newStart, newEnd, start);
      } else if (oldStart === to && last) {
        let text = inserted;
        let base = 0;
        let end: number | null = null;
        while (trail.after.length && text.startsWith(trail.after.at(-1)!.text)) {
          const piece = trail.after.pop()!;
          if (piece.at > 0) end = base + piece.at;
          base += piece.text.length;
          text = text.slice(piece.text.length);
        }
        // Merged with the undo of a deletion inside the claim, put back before it.
        if (end === null && trail.after.length && text.endsWith(trail.after.at(-1)!.text)) {
          const piece = trail.after.pop()!;
          if (piece.at > 0) end = base + text.length - piece.text.length + piece.at;
        }
        if (end !== null) growTo = positionOfChar(after, newStart, newEnd, end - 1) + 1;
      }
      return;
    }
    if (oldEnd <= from || oldStart >= to || oldEnd === oldStart) return;
    // A deletion (or replacement) that takes the claim's first or last characters; changes
    // inside it need no memory (text an undo puts back inside joins by itself).
    if (oldStart <= from && oldEnd < to) push(trail.before, { text: textOf(before, oldStart, oldEnd), at: textOf(before, oldStart, from).length });
    else if (oldStart > from && oldEnd >= to) push(trail.after, { text: textOf(before, oldStart, oldEnd), at: textOf(before, oldStart, to).length });
  });
  return { growFrom, growTo };
}

/** The position of the `index`-th character of the plain text of [start, end]. */
function positionOfChar(doc: PMNode, start: number, end: number, index: number): number {
  return textWithPositions(doc, start, end).positions[index]!;
}

/** The first stretch of [start, end] that starts with `head` and ends with `tail` (anything between). */
function findSpan(doc: PMNode, head: string, tail: string, start: number, end: number): { from: number; to: number } | null {
  const { chars, positions } = textWithPositions(doc, start, end);
  const h = chars.indexOf(head);
  if (h < 0) return null;
  const t = chars.indexOf(tail, h + head.length);
  if (t < 0) return null;
  return { from: positions[h]!, to: positions[t + tail.length - 1]! + 1 };
}

/**
 * The occurrence of `quote.exact` in [start, end] of the document whose surroundings best
 * match the quote's prefix and suffix (the longest common run next to it), the first on a
 * tie; null when it does not occur there.
 */
export function findQuote(doc: PMNode, quote: Quote, start: number, end: number): { from: number; to: number } | null {
  if (!quote.exact) return null;
  const { chars, positions } = textWithPositions(doc, start, end);
  let best: { from: number; to: number } | null = null;
  let bestScore = -1;
  for (let i = chars.indexOf(quote.exact); i >= 0; i = chars.indexOf(quote.exact, i + 1)) {
    const from = positions[i]!;
    const to = positions[i + quote.exact.length - 1]! + 1;
    const context = quoteAt(doc, from, to);
    const score = commonSuffix(context.prefix, quote.prefix) + commonPrefix(context.suffix, quote.suffix);
    if (score > bestScore) {
      best = { from, to };
      bestScore = score;
    }
  }
  return best;
}

function commonSuffix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
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
