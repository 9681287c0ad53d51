/**
 * Claim anchors: ranges of a ProseMirror document that follow the text through every
 * step. The same functions run on the server (the step authority keeps the rows current)
 * and in the browser (the highlight decorations), so both agree.
 *
 * Rules: an anchor covers from its first surviving character to its last one. Text typed
 * inside grows it; text typed exactly at either edge stays outside; deleting part of it
 * shrinks it. When every character is deleted the anchor is *orphaned*: it collapses to
 * where the text was and keeps its last quote.
 *
 * Undo restores what was deleted, in one step or several, and the claim with it: an anchor
 * keeps a `trail` of *ghosts* — the deletions near it, nested where a later deletion took in
 * an earlier one's place — and a step that puts a ghost's content back at its position (an
 * undo, or several merged) puts the claim's part of it back, by position, never by
 * searching for its words. Text that merely contains the quote never attracts it.
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
 * A stretch of content deleted near a claim, kept so that the step that puts the same
 * content back at the same place (an undo; prosemirror-history re-inserts exactly what was
 * deleted, several neighbouring deletions merged into one step) puts the claim's part of it
 * back into the claim. Deletions that happened earlier at or inside its stretch are its
 * children: an undo may put them back with it (merged) or leave them out.
 *
 * Content is compared by hash and size, segment by segment: no article text is stored.
 */
export interface Ghost {
  /** A root: the position where the content was, in the current document. A child: its offset in the parent's own content. */
  at: number;
  /** Hashes of its own content's plain text, cut where its children sit (one more than children). */
  hash: string[];
  /** The size in positions of each of those segments. */
  size: number[];
  /** Ghosts deleted earlier inside or at the edges of this one, in order. */
  children: Ghost[];
  /** The claim's part of its own content: [start, end] offsets into it (positions). */
  claim?: [number, number];
}

/** What undo may bring back: the ghosts near a claim, in document order (each at its own position). */
export type Trail = Ghost[];

/** Where a claim sits in the document. */
export interface Anchor {
  from: number;
  to: number;
  orphaned: boolean;
  quote: Quote;
  /** What undo may bring back (absent when nothing). */
  trail?: Trail;
}

/** A trail keeps at most this many ghosts in all (those without the claim's words go first). */
const MAX_GHOSTS = 200;

/** Deletions farther than this (positions) from a claim that hold none of it are not remembered. */
const GHOST_WINDOW = 256;

/** How far (positions of block boundaries only) an undo may land from the ghost it restores. */
const MAX_BOUNDARY_GAP = 64;

/** How many segment comparisons one insertion may spend recognising an undo. */
const MATCH_BUDGET = 2000;

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
  let ghosts: Ghost[] = anchor.trail ? [...anchor.trail] : [];
  for (const { map, before, after } of changes) {
    const ranges: [number, number, number, number][] = [];
    map.forEach((oldStart, oldEnd, newStart, newEnd) => void ranges.push([oldStart, oldEnd, newStart, newEnd]));
    // 1. Deletions become ghosts (positions still those of `before`); ghosts at or inside
    //    a deleted stretch become its children.
    // Replaced stretches that held no text (only block boundaries): what an undo of a
    // deletion across blocks replaces with the content it puts back.
    const structural = new Set<Ghost>();
    for (const [oldStart, oldEnd] of ranges) {
      if (oldEnd === oldStart) continue;
      const inside = ghosts.filter((g) => g.at >= oldStart && g.at <= oldEnd);
      const claim: [number, number] | undefined = !orphaned && from < oldEnd && to > oldStart ? [Math.max(from, oldStart) - oldStart, Math.min(to, oldEnd) - oldStart] : undefined;
      const distance = orphaned ? Math.max(0, oldStart - from, from - oldEnd) : Math.max(0, oldStart - to, from - oldEnd);
      if (!claim && !inside.some(holdsClaim) && distance > GHOST_WINDOW) continue;
      const cuts = [oldStart, ...inside.map((g) => g.at), oldEnd];
      const ghost: Ghost = { at: oldStart, hash: [], size: [], children: inside.map((g) => ({ ...g, at: g.at - oldStart })) };
      for (let i = 0; i + 1 < cuts.length; i++) {
        ghost.hash.push(hashText(textOf(before, cuts[i]!, cuts[i + 1]!)));
        ghost.size.push(cuts[i + 1]! - cuts[i]!);
      }
      if (claim) ghost.claim = claim;
      if (!hasText(textOf(before, oldStart, oldEnd))) structural.add(ghost);
      ghosts = [...ghosts.filter((g) => !inside.includes(g)), ghost];
    }
    // 2. Insertions that put a ghost's content back where it was restore it: the claim's
    //    parts in it come back, ghosts it held that it did not put back stay inside.
    const restored: { from: number; to: number }[] = [];
    const placedAt = new Map<Ghost, number>();
    const next: Ghost[] = [];
    const consumed = new Set<Ghost>();
    for (const [oldStart, oldEnd, newStart, newEnd] of ranges) {
      if (newEnd === newStart) continue;
      // The ghost where the content goes, or one only block boundaries away from it (an
      // undo mapped through a change of the blocks around it lands on their other side).
      const near = (g: Ghost) =>
        !consumed.has(g) && ((g.at >= oldStart && g.at <= oldEnd) || (Math.abs(g.at - oldStart) <= MAX_BOUNDARY_GAP && !hasText(textOf(before, Math.min(g.at, oldStart), Math.max(g.at, oldEnd)))));
      let match: Restoration | null = null;
      let roots: Ghost[] = [];
      for (const g of ghosts.filter(near).sort((a, b) => Math.abs(a.at - oldStart) - Math.abs(b.at - oldStart))) {
        match = restoreAt(g, after, newStart, newEnd, structural.has(g));
        roots = [g];
        if (match) break;
      }
      // One undo step may put back the content of several deletions that sit one after the
      // other in the replaced stretch (prosemirror-history merges adjacent steps): a run of
      // ghosts, each whole, in document order.
      if (!match) {
        const inRange = ghosts.filter((g) => !consumed.has(g) && g.at >= oldStart && g.at <= oldEnd).sort((a, b) => a.at - b.at);
        const budget = { left: MATCH_BUDGET };
        runs: for (let i = 0; i < inRange.length; i++) {
          for (let j = i + 1; j < inRange.length; j++) {
            const run = inRange.slice(i, j + 1);
            for (const layout of sequence(run, after, newStart, newEnd, budget)) {
              if (layout.end !== newEnd) continue;
              match = { claims: layout.claims, collapsed: layout.collapsed };
              roots = run;
              break runs;
            }
          }
        }
      }
      if (!match || !roots.length) continue;
      for (const root of roots) consumed.add(root);
      restored.push(...match.claims);
      next.push(...match.collapsed);
      if (match.rest) {
        next.push(match.rest.ghost);
        placedAt.set(match.rest.ghost, match.rest.before ? newStart : newEnd);
      }
    }
    for (const g of ghosts) {
      if (consumed.has(g)) continue;
      next.push(g);
      placedAt.set(g, map.map(g.at, 1));
    }
    ghosts = next.map((g) => (placedAt.has(g) ? { ...g, at: placedAt.get(g)! } : g)).sort((a, b) => a.at - b.at);
    // 3. The claim's own range.
    if (orphaned) {
      const spot = from;
      from = to = ghosts.find(holdsClaim)?.at ?? map.map(spot, -1);
      if (restored.length) {
        ({ from, to } = hull(restored));
        orphaned = false;
      } else if (!ghosts.some(holdsClaim)) {
        // No memory of the claim's words (an anchor from before ghosts): text put in at its
        // spot that holds its quote attaches it, at the occurrence that matches best.
        for (const [oldStart, oldEnd, newStart, newEnd] of ranges) {
          if (newEnd === newStart || oldStart > spot || spot > oldEnd) continue;
          const found = findQuote(after, quote, newStart, newEnd);
          if (found) {
            ({ from, to } = found);
            orphaned = false;
            break;
          }
        }
      }
      continue;
    }
    const range = mapLiveRange(from, to, map);
    // After a change inside or at the range, its edges move to its first and last text
    // character; a range left holding no text (deleted across blocks) is orphaned too.
    const live = range && range.touched ? snapToText(after, range.from, range.to) : range;
    if (live || restored.length) {
      ({ from, to } = hull([...(live ? [live] : []), ...restored]));
    } else {
      quote = quoteAt(before, from, to);
      orphaned = true;
      from = to = ghosts.find(holdsClaim)?.at ?? (range ? range.from : map.map(from, -1));
    }
  }
  ghosts = prune(ghosts);
  const out: Anchor = { from, to, orphaned, quote };
  if (ghosts.length) out.trail = ghosts;
  return out;
}

/** Whether a ghost or one it holds has some of the claim's words. */
function holdsClaim(g: Ghost): boolean {
  return g.claim !== undefined || g.children.some(holdsClaim);
}

function hull(ranges: readonly { from: number; to: number }[]): { from: number; to: number } {
  return { from: Math.min(...ranges.map((r) => r.from)), to: Math.max(...ranges.map((r) => r.to)) };
}

/** At most MAX_GHOSTS ghosts in all: the first (in document order) without the claim's words go first, then the first. */
function prune(ghosts: Ghost[]): Ghost[] {
  const count = (g: Ghost): number => 1 + g.children.reduce((n, c) => n + count(c), 0);
  let total = ghosts.reduce((n, g) => n + count(g), 0);
  const kept = [...ghosts];
  while (total > MAX_GHOSTS && kept.length) {
    const i = Math.max(0, kept.findIndex((g) => !holdsClaim(g)));
    total -= count(kept[i]!);
    kept.splice(i, 1);
  }
  return kept;
}

interface Restoration {
  /** The claim's parts that came back (positions after the step). */
  claims: { from: number; to: number }[];
  /** Ghosts inside the restored content that it did not put back, now roots at their positions. */
  collapsed: Ghost[];
  /** When a ghost held by the root was put back without it: the root, and whether it now sits before the inserted content. */
  rest?: { ghost: Ghost; before: boolean };
}

/**
 * Reads the inserted content [start, end) as the undo of the root ghost at its place (with
 * any of the ghosts it holds merged in), or of a ghost it holds at either of its edges
 * (an undo of an older deletion after someone else deleted around it). Null when it is not.
 */
function restoreAt(root: Ghost, doc: PMNode, start: number, end: number, structural: boolean): Restoration | null {
  const budget = { left: MATCH_BUDGET };
  for (const layout of layouts(root, doc, start, end, budget)) {
    if (layout.end === end) return { claims: layout.claims, collapsed: layout.collapsed };
  }
  // The root replaced only block boundaries (a deletion across blocks leaves them joined):
  // an undo replaces those with the content of the ghosts it held, boundaries around them.
  if (structural) {
    const total = root.size.reduce((a, b) => a + b, 0);
    for (const layout of loose(root.children, total, 0, doc, start, end, budget)) {
      if (layout.end === end) return { claims: layout.claims, collapsed: layout.collapsed };
    }
  }
  // The undo of typing between deletions, merged with their undos into one step: it removes
  // the root's own content (the typed text, which held none of the claim) and puts back the
  // ghosts it held, one after the other.
  if (!root.claim && root.children.length > 1) {
    for (const layout of sequence(root.children, doc, start, end, budget)) {
      if (layout.end === end) return { claims: layout.claims, collapsed: layout.collapsed };
    }
  }
  // A ghost at the edge of the root, put back alone.
  const edges = (g: Ghost, path: boolean[]): { ghost: Ghost; path: boolean[] }[] => {
    const total = g.size.reduce((a, b) => a + b, 0);
    return g.children.flatMap((c) => (c.at === 0 || c.at === total ? [{ ghost: c, path: [...path, c.at === 0] }, ...edges(c, [...path, c.at === 0])] : []));
  };
  for (const { ghost, path } of edges(root, [])) {
    for (const layout of layouts(ghost, doc, start, end, budget)) {
      if (layout.end !== end) continue;
      // The root stays where it was, without this ghost: before the content when the ghost
      // sat at the end of every ghost around it, after when it sat at their start.
      const rest = without(root, ghost);
      if (path.some((first) => first !== path[0])) return { claims: layout.claims, collapsed: layout.collapsed };
      return { claims: layout.claims, collapsed: layout.collapsed, rest: { ghost: rest, before: !path[0] } };
    }
  }
  return null;
}

/** The ghost with `target` taken out wherever it sits (an empty ghost keeps its place: the text around it stays cut there). */
function without(g: Ghost, target: Ghost): Ghost {
  return { ...g, children: g.children.map((c) => (c === target ? { at: c.at, hash: [''], size: [0], children: [] } : without(c, target))) };
}

/** A ghost with no content left (what `without` leaves). */
function isEmpty(g: Ghost): boolean {
  return g.children.length === 0 && g.size.every((n) => n === 0);
}

interface Layout {
  end: number;
  claims: { from: number; to: number }[];
  collapsed: Ghost[];
}

/**
 * Every way the ghost's content may lie at `start` in the document: its own segments where
 * they were, each child either put back with it (expanded, first) or not; the cheap text
 * comparison of each segment prunes the rest.
 */
function* layouts(g: Ghost, doc: PMNode, start: number, limit: number, budget: { left: number }): Generator<Layout> {
  const starts: number[] = [];
  const offsets: number[] = [];
  for (let i = 0, o = 0; i < g.size.length; o += g.size[i]!, i++) offsets.push(o);
  const own = (): { from: number; to: number }[] => {
    if (!g.claim) return [];
    const [cs, ce] = g.claim;
    // A claim start at a cut lies after the child there; an end, before it.
    let i = offsets.length - 1;
    while (i > 0 && offsets[i]! > cs) i--;
    let j = 0;
    while (j < offsets.length - 1 && offsets[j]! + g.size[j]! < ce) j++;
    const from = starts[i]! + cs - offsets[i]!;
    const to = starts[j]! + ce - offsets[j]!;
    return to > from ? [{ from, to }] : [];
  };
  function* walk(i: number, pos: number, claims: Layout['claims'], collapsed: Ghost[]): Generator<Layout> {
    const segEnd = pos + g.size[i]!;
    if (segEnd > limit || budget.left-- <= 0) return;
    if (g.size[i]! > 0 && hashText(textOf(doc, pos, segEnd)) !== g.hash[i]) return;
    starts[i] = pos;
    if (i === g.children.length) {
      yield { end: segEnd, claims: [...claims, ...own()], collapsed };
      return;
    }
    const child = g.children[i]!;
    if (isEmpty(child)) {
      yield* walk(i + 1, segEnd, claims, collapsed);
      return;
    }
    for (const inner of layouts(child, doc, segEnd, limit, budget)) {
      yield* walk(i + 1, inner.end, [...claims, ...inner.claims], [...collapsed, ...inner.collapsed]);
    }
    yield* walk(i + 1, segEnd, claims, isEmpty(child) ? collapsed : [...collapsed, { ...child, at: segEnd }]);
  }
  yield* walk(0, start, [], []);
}

/**
 * Every way the ghosts from the i-th on may lie in [start, limit) with stretches of block
 * boundaries only (no text) before, between and after them. A ghost left out stays where it
 * sat: at the end when it sat at the end of the replaced boundaries (`total`), else here.
 */
function* loose(ghosts: readonly Ghost[], total: number, i: number, doc: PMNode, start: number, limit: number, budget: { left: number }): Generator<Layout> {
  if (i === ghosts.length) {
    if (!hasText(textOf(doc, start, limit))) yield { end: limit, claims: [], collapsed: [] };
    return;
  }
  const g = ghosts[i]!;
  for (let pos = start; pos <= limit && !hasText(textOf(doc, start, pos)); pos++) {
    if (budget.left-- <= 0) return;
    const options = isEmpty(g) ? [{ end: pos, claims: [], collapsed: [] }] : [...layouts(g, doc, pos, limit, budget), { end: pos, claims: [], collapsed: [{ ...g, at: g.at >= total ? limit : pos }] }];
    for (const here of options) {
      for (const rest of loose(ghosts, total, i + 1, doc, here.end, limit, budget)) {
        yield { end: rest.end, claims: [...here.claims, ...rest.claims], collapsed: [...here.collapsed, ...rest.collapsed] };
      }
    }
  }
}

/** Every way a run of ghosts may lie one after the other from `start`, each whole. */
function* sequence(run: readonly Ghost[], doc: PMNode, start: number, limit: number, budget: { left: number }): Generator<Layout> {
  if (!run.length) {
    yield { end: start, claims: [], collapsed: [] };
    return;
  }
  for (const first of layouts(run[0]!, doc, start, limit, budget)) {
    for (const rest of sequence(run.slice(1), doc, first.end, limit, budget)) {
      yield { end: rest.end, claims: [...first.claims, ...rest.claims], collapsed: [...first.collapsed, ...rest.collapsed] };
    }
  }
}

/** Whether a plain text holds anything but block separators. */
function hasText(text: string): boolean {
  return text.replaceAll(BLOCK_SEPARATOR, '') !== '';
}

/** A 53-bit hash of a text (cyrb53), as base 36. */
export function hashText(text: string, seed = 0): string {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
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
