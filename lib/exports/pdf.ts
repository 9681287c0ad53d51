/**
 * The report as a PDF made on the server with PDFKit: A4, an embedded Unicode font
 * (DejaVu, so „“ äöüß ñ ¿ render), page numbers, clickable source links, and
 * "Draft — not signed off" at the top of every page of a draft.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import type { Block, Cell, Report, ReportClaim, Segment } from './report';
import { wording } from './text';

const FONT_FILES = {
  serif: 'DejaVuSerif.ttf',
  serifBold: 'DejaVuSerif-Bold.ttf',
  serifItalic: 'DejaVuSerif-Italic.ttf',
  sans: 'DejaVuSans.ttf',
  sansBold: 'DejaVuSans-Bold.ttf',
} as const;
type FontName = keyof typeof FONT_FILES;

let fonts: Record<FontName, Buffer> | null = null;

/** The font files, read once from the dejavu-fonts-ttf package. */
function loadFonts(): Record<FontName, Buffer> {
  if (fonts) return fonts;
  const require = createRequire(path.join(process.cwd(), 'package.json'));
  const dir = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  fonts = Object.fromEntries(Object.entries(FONT_FILES).map(([name, file]) => [name, readFileSync(path.join(dir, file))])) as Record<FontName, Buffer>;
  return fonts;
}

/** Shaped words per font, shared by every PDF this process makes (see shareLayoutCaches). */
const layoutCaches = new Map<FontName, Record<string, unknown>>();
const MAX_CACHED_WORDS = 200_000;

/**
 * PDFKit shapes each distinct word once per document and font (fontkit's OpenType layout:
 * most of the time a large report takes). The shaped words depend only on the font file,
 * so one cache per font serves every document; it is dropped when it grows too large.
 * Relies on PDFKit's EmbeddedFont.layoutCache (pdfkit is pinned in package.json).
 */
function shareLayoutCaches(doc: PDFKit.PDFDocument) {
  for (const name of Object.keys(FONT_FILES) as FontName[]) {
    doc.font(name);
    const font = (doc as unknown as { _font?: { layoutCache?: Record<string, unknown> } })._font;
    if (!font?.layoutCache) continue;
    let cache = layoutCaches.get(name);
    if (!cache || Object.keys(cache).length > MAX_CACHED_WORDS) layoutCaches.set(name, (cache = Object.create(null) as Record<string, unknown>));
    font.layoutCache = cache;
  }
}

const INK = '#1f2430';
const MUTED = '#5f6775';
const DRAFT_RED = '#b3261e';
const LINK = '#1d3557';

export async function toPdf(r: Report): Promise<Buffer> {
  const w = wording(r);
  const { t } = w;
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 64, bottom: 64, left: 62, right: 62 },
    bufferPages: true,
    lang: r.document.language,
    displayTitle: true,
    info: { Title: `${r.document.title}${r.draft ? ` (${w.draftMark})` : ''}`, Author: r.workspace.organisation, Subject: t('report.subject'), Creator: 'Factdesk' },
  });
  for (const [name, data] of Object.entries(loadFonts())) doc.registerFont(name, data);
  shareLayoutCaches(doc);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const heading = (text: string, size = 15) => {
    doc.moveDown(0.8).font('sansBold').fontSize(size).fillColor(INK).text(text);
    doc.moveDown(0.3);
  };
  const para = (text: string, opts: { font?: FontName; size?: number; color?: string } = {}) =>
    doc
      .font(opts.font ?? 'serif')
      .fontSize(opts.size ?? 10.5)
      .fillColor(opts.color ?? INK)
      .text(text, { lineGap: 2 });

  // Title and facts.
  if (r.draft) doc.font('sansBold').fontSize(11).fillColor(DRAFT_RED).text(`${w.draftMark}.`, { characterSpacing: 0.3 }).moveDown(0.3);
  doc.font('serifBold').fontSize(21).fillColor(INK).text(r.document.title, { lineGap: 2 });
  doc.moveDown(0.4);
  doc.font('sans').fontSize(9.5).fillColor(MUTED);
  if (w.articleLine(r.document)) doc.text(w.articleLine(r.document)!);
  if (r.document.sourceUrl) doc.text(t('report.sourcePrefix'), { continued: true }).fillColor(LINK).text(r.document.sourceUrl, { link: r.document.sourceUrl, underline: true }).fillColor(MUTED);
  doc.text(t('report.metaLine', { language: r.document.language, revision: r.document.revision, status: w.statusLabel(r.document.status), organisation: r.workspace.organisation }));
  if (r.signoff) {
    doc.moveDown(0.5).font('sansBold').fontSize(10).fillColor('#1d6b61').text(t('report.signedOffPlain', { name: r.signoff.by, date: w.formatDate(r.signoff.at, true), revision: r.signoff.revision }));
    doc.font('sans').fontSize(8).fillColor(MUTED).text(`SHA-256 ${r.signoff.hash}`);
  }

  // Summary with a small bar chart.
  heading(t('report.summary'));
  para(`${t('report.summaryLine', { claims: r.summary.claims, sources: r.summary.sources })}${r.summary.reviewers.length ? t('report.reviewedBy', { names: r.summary.reviewers.join(', ') }) : ''}`, { font: 'sans', size: 10 });
  doc.moveDown(0.4);
  const max = Math.max(1, ...r.summary.perVerdict.map((v) => v.count));
  for (const v of r.summary.perVerdict) {
    const y = doc.y;
    doc.font('sans').fontSize(9).fillColor(INK).text(v.label, doc.page.margins.left, y, { width: 110 });
    doc.rect(doc.page.margins.left + 115, y + 1.5, Math.max(2, ((width - 160) * v.count) / max), 8).fill(v.color);
    doc.fillColor(INK).text(String(v.count), doc.page.margins.left + 120 + ((width - 160) * v.count) / max, y, { width: 40 });
    doc.x = doc.page.margins.left;
    doc.y = y + 13;
  }

  // The article with numbered highlights.
  heading(t('report.article'));
  for (const block of r.blocks) articleBlock(doc, r, block, width);

  // Each claim.
  heading(t('report.claims'));
  if (!r.claims.length) para(t('report.noClaims'), { font: 'sans', size: 10, color: MUTED });
  for (const c of r.claims) claimSection(doc, r, c, width);

  // Corrections made during the check.
  heading(t('report.corrections'));
  if (!r.corrections.length) para(t('report.noCorrections'), { font: 'sans', size: 10, color: MUTED });
  else para(t('report.correctionsIntro'), { font: 'sans', size: 10, color: MUTED });
  for (const c of r.corrections) {
    doc.moveDown(0.3);
    para(w.correctionChange(c), { size: 10.5 });
    para(w.correctionLine(c), { font: 'sans', size: 8.5, color: MUTED });
  }

  // Methodology.
  heading(t('report.methodology'));
  para(
    t('report.methodologyShort', { worst: r.ratingBounds.worst, best: r.ratingBounds.best }),
    { size: 10 },
  );
  doc.moveDown(0.4);
  for (const v of r.scale) {
    const y = doc.y;
    doc.rect(doc.page.margins.left, y + 2, 8, 8).fill(v.color);
    doc.font('sans').fontSize(9.5).fillColor(INK).text(`${v.label}`, doc.page.margins.left + 14, y, { width: 200 });
    doc.text(v.rating === null ? 'no rating' : `rating ${v.rating}`, doc.page.margins.left + 220, y);
    doc.x = doc.page.margins.left;
    doc.y = y + 14;
  }

  // Header (draft mark) and footer (page numbers) on every page.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const { margins } = doc.page;
    const saved = margins.bottom;
    margins.bottom = 0;
    if (r.draft) doc.font('sansBold').fontSize(9).fillColor(DRAFT_RED).text(w.draftMark, margins.left, 30, { width, align: 'right' });
    doc
      .font('sans')
      .fontSize(8.5)
      .fillColor(MUTED)
      .text(`${r.document.title} — ${t('reportPage.pageOf', { page: i + 1, pages: range.count })}`, margins.left, doc.page.height - 40, { width, align: 'center', lineBreak: false });
    margins.bottom = saved;
  }
  doc.end();
  return done;
}

/** A run of text in one style; `highlight` paints a verdict-coloured band behind it. */
interface Run {
  text: string;
  font: FontName;
  color: string;
  size?: number;
  highlight?: string;
  /** Overlapping claims: a stronger band. */
  strong?: boolean;
  /** Superscript: drawn this much higher. */
  raise?: number;
  /** A clickable link on the run's words. */
  link?: string;
  underline?: boolean;
}

/**
 * Lays out styled runs as wrapped lines (PDFKit's `continued` text loses its place when a
 * styled run wraps mid-line). Words keep their trailing space, so extracted text reads
 * naturally; a run boundary inside a word never breaks the line there.
 */
type Fragment = (text: string, x: number, y: number, options: { textWidth: number; wordCount: number }) => void;

/**
 * Draws text whose width layoutRuns already knows. PDFKit's public text() measures every
 * string twice more (for its own layout and to advance x); its internal _fragment accepts
 * the width. pdfkit is pinned in package.json; the export tests check the PDF's text.
 */
function drawText(doc: PDFKit.PDFDocument, text: string, x: number, y: number, width: number) {
  const fragment = (doc as unknown as { _fragment?: Fragment })._fragment;
  if (fragment) fragment.call(doc, text, x, y, { textWidth: width, wordCount: 1 });
  else doc.text(text, x, y, { lineBreak: false });
}

/** Widths of words at 1 pt, per font: layout measures every word of a long report. */
const wordWidths = new Map<string, number>();

function widthAt1pt(doc: PDFKit.PDFDocument, font: FontName, text: string): number {
  const key = `${font}\u0000${text}`;
  let w = wordWidths.get(key);
  if (w === undefined) {
    if (wordWidths.size > MAX_CACHED_WORDS) wordWidths.clear();
    w = doc.font(font).fontSize(1000).widthOfString(text) / 1000;
    wordWidths.set(key, w);
  }
  return w;
}

function layoutRuns(doc: PDFKit.PDFDocument, runs: Run[], opts: { x: number; width: number; size: number; lineHeight: number }) {
  type Piece = { text: string; run: Run; width: number; trailing: number; wordEnd: boolean };
  // Pieces: words with their trailing space; a word may continue across runs (no space between).
  const pieces: Piece[] = [];
  const token = /\S+\s*|\s+/gu;
  for (const run of runs) {
    const size = run.size ?? opts.size;
    const space = widthAt1pt(doc, run.font, ' ') * size;
    for (const [raw] of run.text.matchAll(token)) {
      const bare = raw.trimEnd();
      const spaced = bare.length < raw.length;
      pieces.push({ text: spaced ? `${bare} ` : bare, run, width: (bare ? widthAt1pt(doc, run.font, bare) * size : 0) + (spaced ? space : 0), trailing: spaced ? space : 0, wordEnd: spaced });
    }
  }
  // Break lines between words only.
  const lines: Piece[][] = [];
  let line: Piece[] = [];
  let word: Piece[] = [];
  let used = 0;
  let wordWidth = 0;
  const endWord = () => {
    if (!word.length) return;
    if (line.length && used + wordWidth - word[word.length - 1]!.trailing > opts.width) {
      lines.push(line);
      line = [];
      used = 0;
    }
    line.push(...word);
    used += wordWidth;
    word = [];
    wordWidth = 0;
  };
  for (const p of pieces) {
    word.push(p);
    wordWidth += p.width;
    if (p.wordEnd) endWord();
  }
  endWord();
  if (line.length) lines.push(line);

  let color: string | null = null;
  for (const l of lines) {
    if (doc.y + opts.lineHeight > doc.page.maxY()) doc.addPage();
    const y = doc.y;
    let x = opts.x;
    // Neighbouring pieces in the same style become one text call.
    const merged: Piece[] = [];
    for (const p of l) {
      const last = merged[merged.length - 1];
      if (last && last.run === p.run) merged[merged.length - 1] = { text: last.text + p.text, run: p.run, width: last.width + p.width, trailing: p.trailing, wordEnd: p.wordEnd };
      else merged.push(p);
    }
    for (const p of merged) {
      const size = p.run.size ?? opts.size;
      const visible = p.width - p.trailing;
      if (p.run.highlight) {
        doc.save().fillOpacity(p.run.strong ? 0.45 : 0.25).rect(x, y - 1, visible, opts.size * 1.3).fill(p.run.highlight).restore();
        doc.rect(x, y + opts.size * 1.22, visible, 1.2).fill(p.run.highlight);
        color = null;
      }
      doc.font(p.run.font).fontSize(size);
      if (color !== p.run.color) doc.fillColor((color = p.run.color));
      drawText(doc, p.text, x, y - (p.run.raise ?? 0), p.width);
      if (p.run.link) doc.link(x, y, visible, size * 1.2, p.run.link);
      if (p.run.underline) doc.rect(x, y + size * 1.1, visible, 0.6).fill(p.run.color);
      x += p.width;
    }
    doc.x = opts.x;
    doc.y = y + opts.lineHeight;
  }
}

/** Styled runs of a block's segments: highlighted claims and their numbers. */
function segmentRuns(r: Report, segments: Segment[], base: FontName, size: number): Run[] {
  const runs: Run[] = [];
  for (const s of segments) {
    if (s.claims.length) {
      const color = r.claims[s.claims.at(-1)! - 1]!.verdictColor;
      const font: FontName = base === 'serifItalic' ? 'serifItalic' : base.startsWith('sans') ? 'sansBold' : 'serifBold';
      runs.push({ text: s.text, font, color: INK, highlight: color, strong: s.claims.length > 1 });
    } else runs.push({ text: s.text, font: base, color: INK });
    if (s.ends.length) runs.push({ text: `[${s.ends.join(', ')}]`, font: 'sansBold', color: LINK, size: size * 0.75, raise: size * 0.3 });
  }
  return runs;
}

/** One block of the article: headings, paragraphs, numbered and bulleted lists, quotes, tables and figures. */
function articleBlock(doc: PDFKit.PDFDocument, r: Report, block: Block, width: number) {
  const left = doc.page.margins.left;
  const indent = (block.list ? block.list.depth * 16 : 0) + (block.quoted ? 14 : 0);
  if (block.kind === 'table') {
    tableBlock(doc, r, block.rows ?? [], left + indent, width - indent);
    doc.moveDown(0.5);
    return;
  }
  const size = block.kind === 'heading' ? 12 : block.kind === 'figure' ? 9 : 10.5;
  const base: FontName = block.kind === 'heading' ? 'serifBold' : block.kind === 'figure' ? 'sans' : block.quoted ? 'serifItalic' : 'serif';
  const runs: Run[] = [];
  if (block.kind === 'figure' && block.figure) {
    runs.push({ text: `Image: ${block.figure.alt || 'without description'} `, font: 'sansBold', color: MUTED, link: block.figure.src, underline: false });
  }
  if (block.list?.marker) runs.push({ text: block.list.marker.ordered ? `${block.list.marker.number}. ` : '• ', font: base, color: INK });
  runs.push(...segmentRuns(r, block.segments, base, size));
  if (!runs.length) return;
  layoutRuns(doc, runs, { x: left + indent, width: width - indent, size, lineHeight: size * 1.45 });
  doc.moveDown(block.list ? 0.25 : 0.5);
}

/** A table as a grid: columns of equal width (spans joined), each row as tall as its tallest cell. */
function tableBlock(doc: PDFKit.PDFDocument, r: Report, rows: Cell[][], x: number, width: number) {
  const columns = Math.max(1, ...rows.map((row) => row.reduce((n, c) => n + c.colspan, 0)));
  const columnWidth = width / columns;
  const size = 9;
  const pad = 3;
  for (const row of rows) {
    // A row starts on a new page rather than being split (a row is a few lines).
    if (doc.y + size * 3 > doc.page.maxY()) doc.addPage();
    const top = doc.y;
    let bottom = top;
    let column = 0;
    const startPage = doc.bufferedPageRange().start + doc.bufferedPageRange().count - 1;
    for (const cell of row) {
      const cellX = x + column * columnWidth;
      const cellWidth = columnWidth * cell.colspan;
      doc.y = top + pad;
      layoutRuns(doc, segmentRuns(r, cell.segments, cell.header ? 'sansBold' : 'sans', size), { x: cellX + pad, width: cellWidth - 2 * pad, size, lineHeight: size * 1.4 });
      bottom = Math.max(bottom, doc.y + pad);
      column += cell.colspan;
    }
    const endPage = doc.bufferedPageRange().start + doc.bufferedPageRange().count - 1;
    if (endPage === startPage) {
      doc.save().lineWidth(0.5).strokeColor('#c9c3b8');
      let cx = x;
      for (const cell of row) {
        doc.rect(cx, top, columnWidth * cell.colspan, bottom - top).stroke();
        cx += columnWidth * cell.colspan;
      }
      doc.restore();
    }
    doc.x = x;
    doc.y = bottom;
  }
}

function claimSection(doc: PDFKit.PDFDocument, r: Report, c: ReportClaim, width: number) {
  const w = wording(r);
  const left = doc.page.margins.left;
  if (doc.y > doc.page.maxY() - 100) doc.addPage();
  doc.y += 8;
  const para = (runs: Run[], size: number, indent = 0, leading = 1.4) => layoutRuns(doc, runs, { x: left + indent, width: width - indent, size, lineHeight: size * leading });
  para([{ text: `${c.number}. ${c.statement}`, font: 'sansBold', color: INK }], 11.5, 0, 1.35);
  doc.y += 2;
  para([{ text: `„${c.quote.exact}“${c.orphaned ? w.t('report.noLongerInArticle') : ''}`, font: 'serifItalic', color: MUTED }], 10);
  doc.y += 2;
  if (doc.y + 14 > doc.page.maxY()) doc.addPage();
  doc.rect(left, doc.y + 1, 9, 9).fill(c.verdictColor);
  para(
    [
      { text: `${c.verdictLabel}${c.rating !== null ? ` (${c.rating}/${r.ratingBounds.best})` : ''}  ·  `, font: 'sansBold', color: INK },
      { text: `${w.statusLabel(c.status)}${c.dismissReason ? ` — ${c.dismissReason}` : ''}`, font: 'sans', color: MUTED },
    ],
    10,
    14,
  );
  const who = [c.claimant ? w.t('report.claimantLine', { name: c.claimant }) : null, c.claimDate ? w.t('report.dateShort', { date: w.formatDate(c.claimDate) }) : null].filter(Boolean).join(' · ');
  if (who) para([{ text: who, font: 'sans', color: MUTED }], 9.5);
  if (c.rationale) {
    doc.y += 3;
    for (const line of c.rationale.split('\n')) para([{ text: line, font: 'serif', color: INK }], 10, 0, 1.5);
  }
  if (c.sources.length) {
    doc.y += 4;
    para([{ text: w.t('report.sources'), font: 'sansBold', color: INK }], 9);
    c.sources.forEach((s, i) => {
      para(
        [
          { text: `${i + 1}. `, font: 'sans', color: INK },
          { text: s.title || s.url, font: 'sans', color: LINK, link: s.url, underline: true },
          { text: ` — ${[w.sourceLine(s), w.stanceLabel(s.stance)].join(' · ')}`, font: 'sans', color: MUTED },
        ],
        9,
        6,
      );
      if (s.title) para([{ text: s.url, font: 'sans', color: LINK, link: s.url }], 8, 18);
      if (s.excerpt) para([{ text: `“${s.excerpt}”`, font: 'serifItalic', color: MUTED }], 8.5, 18);
    });
  }
  const review = w.reviewLine(c);
  if (review) {
    doc.y += 2;
    para([{ text: review, font: 'sans', color: MUTED }], 8.5);
  }
  doc.x = left;
}
