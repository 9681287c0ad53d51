/**
 * Everything a report needs, gathered once from the current revision: the document, its
 * sign-off, the article text split into segments with the numbers of the claims covering
 * them, each claim with its sources and reviewers, a summary and the verdict scale. Every
 * export format (page, PDF, Markdown, CSV, W3C, ClaimReview) is made from this one object.
 */
import type { Node as PMNode } from 'prosemirror-model';
import { readTransaction } from '@/db';
import { getClaimsByDocumentId } from '@/db/queries/claims';
import { getDocumentById, getDocumentCollabState } from '@/db/queries/documents';
import { getPublicationByDocumentId } from '@/db/queries/publications';
import { getSignoffsByDocumentId } from '@/db/queries/signoffs';
import { getSuggestionsByDocumentId } from '@/db/queries/suggestions';
import { getMembersByWorkspaceId, getWorkspaceById } from '@/db/queries/users';
import type { ClaimStatus, Verdict } from '@/db/schema';
import { textWithPositions } from '../claims/anchor';
import { getVerdictLabels } from '@/db/queries/verdict-labels';
import { DEFAULT_VERDICT_SCALE, RATING_BOUNDS, verdictSpec, OPEN_CLAIM_COLOR } from '../claims/verdicts';
import { reportLocale, validTimeZone } from '../i18n/locales';
import { translator } from '../i18n/messages';
import { loadCurrent } from '../collab/authority';
import { sourceContent } from '../claims/serialize';
import { notFound } from '../errors';

export { DRAFT_MARK } from './text';

/** A run of article text and the numbers of the claims that cover it. */
export interface Segment {
  text: string;
  claims: number[];
  /** Claim numbers whose last character is the end of this segment (the place for "[n]"). */
  ends: number[];
}

/** A table cell of the article: its text in segments (paragraphs separated by a newline). */
export interface Cell {
  header: boolean;
  colspan: number;
  rowspan: number;
  segments: Segment[];
}

/**
 * A block of the article, in reading order. Text blocks (paragraph, heading, list item,
 * quote, figure caption) carry their segments; a table carries rows of cells. A list
 * item's first paragraph carries its marker: a bullet, or its number in an ordered list.
 */
export interface Block {
  kind: 'paragraph' | 'heading' | 'list_item' | 'blockquote' | 'table' | 'figure';
  level?: number;
  segments: Segment[];
  /** Lists around the block: how deep, and the marker of the item it starts (none for its further paragraphs). */
  list?: { depth: number; marker: { ordered: boolean; number: number } | null };
  /** Inside a quote (a list item or heading may be quoted too). */
  quoted?: boolean;
  rows?: Cell[][];
  figure?: { src: string; alt: string };
}

export interface ReportSource {
  url: string;
  title: string | null;
  publisher: string | null;
  publishedAt: string | null;
  accessedAt: string;
  excerpt: string | null;
  kind: string;
  stance: string;
}

export interface ReportClaim {
  number: number;
  id: string;
  quote: { exact: string; prefix: string; suffix: string };
  /** Character offsets (Unicode code points) of the quote in `report.text`; null when orphaned. */
  position: { start: number; end: number } | null;
  orphaned: boolean;
  statement: string;
  claimant: string | null;
  claimDate: string | null;
  verdict: Verdict | null;
  verdictLabel: string;
  verdictColor: string;
  rating: number | null;
  rationale: string | null;
  tags: string[];
  status: ClaimStatus;
  dismissReason: string | null;
  sources: ReportSource[];
  proposedBy: { id: string; name: string } | null;
  proposedAt: string | null;
  approvedBy: { id: string; name: string } | null;
  approvedAt: string | null;
  createdBy: { id: string; name: string } | null;
  createdAt: string;
  updatedAt: string;
}

/** A suggested correction an editor accepted during the check. */
export interface ReportCorrection {
  id: string;
  kind: string;
  before: string;
  after: string;
  proposedBy: { id: string; name: string } | null;
  proposedAt: string;
  acceptedBy: { id: string; name: string } | null;
  acceptedAt: string | null;
}

export type Report = Awaited<ReturnType<typeof buildReport>>;

/** Positions → code-point offsets in the plain text (blocks joined by newlines). */
function codePointOffsets(chars: string): number[] {
  const offsets = new Array<number>(chars.length + 1);
  let cp = 0;
  for (let i = 0; i < chars.length; i++) {
    offsets[i] = cp;
    const c = chars.charCodeAt(i);
    // The low half of a surrogate pair belongs to the same code point.
    if (!(c >= 0xdc00 && c <= 0xdfff && i > 0 && chars.charCodeAt(i - 1) >= 0xd800 && chars.charCodeAt(i - 1) <= 0xdbff)) cp++;
    else offsets[i] = cp - 1;
  }
  offsets[chars.length] = cp;
  return offsets;
}

/** Index of the first entry of sorted `positions` that is >= `pos`. */
function lowerBound(positions: number[], pos: number) {
  let lo = 0;
  let hi = positions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (positions[mid]! < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

type Ranges = { number: number; from: number; to: number }[];

/** The text of a text block cut where claims start and end. */
function segmentsOf(doc: PMNode, node: PMNode, pos: number, ranges: Ranges): Segment[] {
  const start = pos + 1;
  const end = pos + node.nodeSize - 1;
  const inside = ranges.filter((r) => r.from < end && r.to > start);
  const cuts = new Set<number>([start, end]);
  for (const r of inside) {
    cuts.add(Math.max(start, r.from));
    cuts.add(Math.min(end, r.to));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i]!;
    const to = points[i + 1]!;
    const text = doc.textBetween(from, to, '\n', '\n');
    if (!text) continue;
    const covering = inside.filter((r) => r.from <= from && r.to >= to);
    segments.push({ text, claims: covering.map((r) => r.number), ends: covering.filter((r) => r.to === to).map((r) => r.number) });
  }
  return segments;
}

function blocksOf(doc: PMNode, ranges: Ranges): Block[] {
  const blocks: Block[] = [];
  type Context = { depth: number; quoted: boolean; marker: { ordered: boolean; number: number } | null };
  const walk = (node: PMNode, pos: number, ctx: Context) => {
    const type = node.type.name;
    if (node.isTextblock) {
      const kind: Block['kind'] =
        type === 'heading' ? 'heading' : type === 'figure' ? 'figure' : ctx.depth > 0 ? 'list_item' : ctx.quoted ? 'blockquote' : 'paragraph';
      const block: Block = { kind, segments: segmentsOf(doc, node, pos, ranges) };
      if (type === 'heading') block.level = node.attrs.level as number;
      if (type === 'figure') block.figure = { src: node.attrs.src as string, alt: node.attrs.alt as string };
      if (ctx.depth > 0) block.list = { depth: ctx.depth, marker: ctx.marker };
      if (ctx.quoted) block.quoted = true;
      blocks.push(block);
      ctx.marker = null;
      return;
    }
    if (type === 'table') {
      const rows: Cell[][] = [];
      node.forEach((row, rowOffset) => {
        const cells: Cell[] = [];
        row.forEach((cell, cellOffset) => {
          const cellPos = pos + 1 + rowOffset + 1 + cellOffset;
          const segments: Segment[] = [];
          cell.forEach((para, paraOffset) => {
            if (segments.length) segments.push({ text: '\n', claims: [], ends: [] });
            segments.push(...segmentsOf(doc, para, cellPos + 1 + paraOffset, ranges));
          });
          cells.push({ header: cell.type.name === 'table_header', colspan: cell.attrs.colspan as number, rowspan: cell.attrs.rowspan as number, segments });
        });
        rows.push(cells);
      });
      blocks.push({ kind: 'table', segments: [], rows, ...(ctx.quoted ? { quoted: true } : {}), ...(ctx.depth ? { list: { depth: ctx.depth, marker: null } } : {}) });
      return;
    }
    node.forEach((child, offset, index) => {
      const childPos = pos + 1 + offset;
      if (type === 'ordered_list' || type === 'bullet_list') {
        const marker = { ordered: type === 'ordered_list', number: type === 'ordered_list' ? (node.attrs.order as number) + index : 0 };
        walk(child, childPos, { depth: ctx.depth + 1, quoted: ctx.quoted, marker });
      } else if (type === 'list_item') {
        // The marker goes to the item's first text block only.
        walk(child, childPos, ctx);
      } else {
        walk(child, childPos, { ...ctx, quoted: ctx.quoted || type === 'blockquote', marker: ctx.marker });
      }
    });
  };
  // The doc node itself sits at -1: its first child starts at position 0.
  walk(doc, -1, { depth: 0, quoted: false, marker: null });
  return blocks;
}

/** The public address of a published report (`/r/:slug`), or null when not published. */
export function publishedReportUrl(publicBaseUrl: string, slug: string | undefined | null): string | null {
  return slug ? `${publicBaseUrl.replace(/\/+$/, '')}/r/${slug}` : null;
}

/**
 * The report of a document's current revision, in the document's language (German, English or
 * Spanish; others in English) with the workspace's own verdict names, and times in `timeZone`.
 */
export function buildReport(documentId: string, options: { publicBaseUrl: string; timeZone?: string | null }) {
  return readTransaction(async (tx) => {
    const document = await getDocumentById(documentId, tx);
    const state = await getDocumentCollabState(documentId, tx);
    if (!document || document.deletedAt || !state) throw notFound();
    const workspace = (await getWorkspaceById(document.workspaceId, tx))!;
    const locale = reportLocale(document.language);
    const timeZone = validTimeZone(options.timeZone) ?? 'UTC';
    const t = translator(locale);
    const renamed = await getVerdictLabels(document.workspaceId, locale, tx);
    const verdictLabel = (key: Verdict | null) => (key ? (renamed[key] ?? t(`verdicts.${key}`)) : t('verdicts.none'));
    const names = new Map((await getMembersByWorkspaceId(document.workspaceId, tx)).map((m) => [m.id, m.name]));
    const person = (id: string | null) => (id ? { id, name: names.get(id) ?? t('common.FormerMember') } : null);
    const doc = await loadCurrent(documentId, state.version, tx);
    const { chars, positions } = textWithPositions(doc);
    const cps = codePointOffsets(chars);
    const rows = (await getClaimsByDocumentId(documentId, tx)).sort((a, b) => a.from - b.from || a.to - b.to || a.createdAt.getTime() - b.createdAt.getTime());

    const claims: ReportClaim[] = rows.map((c, i) => {
      const spec = c.verdict ? verdictSpec(c.verdict) : null;
      const startIndex = lowerBound(positions, c.from);
      const endIndex = lowerBound(positions, c.to);
      return {
        number: i + 1,
        id: c.id,
        quote: { exact: c.quoteExact, prefix: c.quotePrefix, suffix: c.quoteSuffix },
        position: c.orphaned ? null : { start: cps[startIndex]!, end: cps[endIndex]! },
        orphaned: c.orphaned,
        statement: c.statement,
        claimant: c.claimant,
        claimDate: c.claimDate,
        verdict: c.verdict,
        verdictLabel: verdictLabel(c.verdict),
        verdictColor: spec?.color ?? OPEN_CLAIM_COLOR,
        rating: spec?.rating ?? null,
        rationale: c.rationale,
        tags: c.tags,
        status: c.status,
        dismissReason: c.dismissReason,
        sources: c.sources.map(sourceContent),
        proposedBy: person(c.proposedBy),
        proposedAt: c.proposedAt?.toISOString() ?? null,
        approvedBy: person(c.approvedBy),
        approvedAt: c.approvedAt?.toISOString() ?? null,
        createdBy: person(c.createdBy),
        createdAt: c.createdAt.toISOString(),
        updatedAt: c.updatedAt.toISOString(),
      };
    });

    // Corrections made during the check: the suggested changes an editor accepted, in the order they were made.
    const corrections: ReportCorrection[] = (await getSuggestionsByDocumentId(documentId, tx))
      .filter((s) => s.status === 'accepted')
      .map((s) => ({
        id: s.id,
        kind: s.kind,
        before: s.beforeText,
        after: s.afterText,
        proposedBy: person(s.authorId),
        proposedAt: s.createdAt.toISOString(),
        acceptedBy: person(s.decidedBy),
        acceptedAt: s.decidedAt?.toISOString() ?? null,
      }));

    const latest = (await getSignoffsByDocumentId(documentId, tx))[0];
    const signoff =
      document.status === 'signed_off' && latest && latest.revision === document.revision && !latest.reopenedAt
        ? { by: latest.signedByName ?? t('common.FormerMember'), at: latest.signedAt.toISOString(), revision: latest.revision, hash: latest.hash }
        : null;

    const perVerdict = [...DEFAULT_VERDICT_SCALE.map((v) => v.key), null].map((key) => ({
      verdict: key,
      label: verdictLabel(key),
      color: key ? verdictSpec(key).color : OPEN_CLAIM_COLOR,
      count: claims.filter((c) => c.verdict === key).length,
    }));
    const reviewers = [...new Set(claims.flatMap((c) => [c.proposedBy?.name, c.approvedBy?.name]).filter((n): n is string => !!n))].sort();
    const base = options.publicBaseUrl.replace(/\/+$/, '');

    return {
      /** The language the report is written in, and the time zone its times are shown in. */
      locale,
      timeZone,
      generatedAt: new Date().toISOString(),
      publicBaseUrl: base,
      // A published report's public address is its address for everyone (ClaimReview `url`, W3C ids).
      reportUrl: publishedReportUrl(base, (await getPublicationByDocumentId(documentId, tx))?.slug) ?? `${base}/documents/${document.id}/report`,
      document: {
        id: document.id,
        title: document.title,
        language: document.language,
        sourceUrl: document.sourceUrl,
        byline: document.byline,
        publishedAt: document.publishedAt,
        status: document.status,
        revision: document.revision,
        version: state.version,
        createdAt: document.createdAt.toISOString(),
        updatedAt: document.updatedAt.toISOString(),
      },
      workspace: { id: workspace.id, name: workspace.name, organisation: workspace.organisation },
      draft: signoff === null,
      signoff,
      text: chars,
      blocks: blocksOf(
        doc,
        claims.flatMap((c, i) => (c.orphaned ? [] : [{ number: c.number, from: rows[i]!.from, to: rows[i]!.to }])),
      ),
      claims,
      corrections,
      summary: {
        claims: claims.length,
        perVerdict: perVerdict.filter((v) => v.count > 0),
        sources: claims.reduce((n, c) => n + c.sources.length, 0),
        reviewers,
      },
      scale: DEFAULT_VERDICT_SCALE.map((v) => ({ key: v.key, label: verdictLabel(v.key), rating: v.rating, color: v.color })),
      ratingBounds: RATING_BOUNDS,
      doc: doc.toJSON() as unknown,
    };
  });
}
