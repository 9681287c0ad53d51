/**
 * The report as a PDF made on the server with PDFKit: A4, an embedded Unicode font
 * (DejaVu, so „“ äöüß ñ ¿ render), page numbers, clickable source links, and
 * "Draft — not signed off" at the top of every page of a draft.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import type { Report, ReportClaim } from './report';
import { DRAFT_MARK } from './report';
import { formatDate, reviewLine, sourceLine, stanceLabel, statusLabel } from './text';

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

const INK = '#1f2430';
const MUTED = '#5f6775';
const DRAFT_RED = '#b3261e';
const LINK = '#1d3557';

export async function toPdf(r: Report): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 64, bottom: 64, left: 62, right: 62 },
    bufferPages: true,
    lang: r.document.language,
    displayTitle: true,
    info: { Title: `${r.document.title}${r.draft ? ` (${DRAFT_MARK})` : ''}`, Author: r.workspace.organisation, Subject: 'Fact-check report', Creator: 'Factdesk' },
  });
  for (const [name, data] of Object.entries(loadFonts())) doc.registerFont(name, data);
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
  if (r.draft) doc.font('sansBold').fontSize(11).fillColor(DRAFT_RED).text(`${DRAFT_MARK}.`, { characterSpacing: 0.3 }).moveDown(0.3);
  doc.font('serifBold').fontSize(21).fillColor(INK).text(r.document.title, { lineGap: 2 });
  doc.moveDown(0.4);
  doc.font('sans').fontSize(9.5).fillColor(MUTED);
  if (r.document.sourceUrl) doc.text('Source: ', { continued: true }).fillColor(LINK).text(r.document.sourceUrl, { link: r.document.sourceUrl, underline: true }).fillColor(MUTED);
  doc.text(`Language: ${r.document.language} · Revision ${r.document.revision} · Status: ${statusLabel(r.document.status)} · Fact check by ${r.workspace.organisation}`);
  if (r.signoff) {
    doc.moveDown(0.5).font('sansBold').fontSize(10).fillColor('#1d6b61').text(`Signed off by ${r.signoff.by} on ${formatDate(r.signoff.at, true)} (revision ${r.signoff.revision})`);
    doc.font('sans').fontSize(8).fillColor(MUTED).text(`SHA-256 ${r.signoff.hash}`);
  }

  // Summary with a small bar chart.
  heading('Summary');
  para(`${r.summary.claims} claims checked · ${r.summary.sources} sources${r.summary.reviewers.length ? ` · reviewed by ${r.summary.reviewers.join(', ')}` : ''}`, { font: 'sans', size: 10 });
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
  heading('Article');
  for (const block of r.blocks) {
    if (!block.segments.length) continue;
    const size = block.kind === 'heading' ? 12 : 10.5;
    const base: FontName = block.kind === 'heading' ? 'serifBold' : block.kind === 'blockquote' ? 'serifItalic' : 'serif';
    const indent = block.kind === 'list_item' || block.kind === 'blockquote' ? 14 : 0;
    const runs: Run[] = [];
    if (block.kind === 'list_item') runs.push({ text: '• ', font: base, color: INK });
    for (const s of block.segments) {
      if (s.claims.length) {
        const color = r.claims[s.claims.at(-1)! - 1]!.verdictColor;
        runs.push({ text: s.text, font: base === 'serifItalic' ? 'serifItalic' : 'serifBold', color: INK, highlight: color, strong: s.claims.length > 1 });
      } else runs.push({ text: s.text, font: base, color: INK });
      if (s.ends.length) runs.push({ text: `[${s.ends.join(', ')}]`, font: 'sansBold', color: LINK, size: size * 0.75, raise: size * 0.3 });
    }
    layoutRuns(doc, runs, { x: doc.page.margins.left + indent, width: width - indent, size, lineHeight: size * 1.45 });
    doc.moveDown(0.5);
  }

  // Each claim.
  heading('Claims');
  for (const c of r.claims) claimSection(doc, r, c, width);

  // Methodology.
  heading('Methodology');
  para(
    `Each claim was checked by one reviewer and its verdict approved by a second (four eyes); an editor signed the whole report off. Ratings are published in schema.org ClaimReview from ${r.ratingBounds.worst} (worst) to ${r.ratingBounds.best} (best).`,
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
    if (r.draft) doc.font('sansBold').fontSize(9).fillColor(DRAFT_RED).text(DRAFT_MARK, margins.left, 30, { width, align: 'right' });
    doc
      .font('sans')
      .fontSize(8.5)
      .fillColor(MUTED)
      .text(`${r.document.title} — page ${i + 1} of ${range.count}`, margins.left, doc.page.height - 40, { width, align: 'center', lineBreak: false });
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
}

/**
 * Lays out styled runs as wrapped lines (PDFKit's `continued` text loses its place when a
 * styled run wraps mid-line). Words keep their trailing space, so extracted text reads
 * naturally; a run boundary inside a word never breaks the line there.
 */
function layoutRuns(doc: PDFKit.PDFDocument, runs: Run[], opts: { x: number; width: number; size: number; lineHeight: number }) {
  type Piece = { text: string; run: Run; width: number };
  // Tokens: words with their trailing spaces; a token may continue across runs (no space between).
  const words: Piece[][] = [[]];
  for (const run of runs) {
    doc.font(run.font).fontSize(run.size ?? opts.size);
    for (const part of run.text.split(/(?<=\s)/u)) {
      if (!part) continue;
      const piece = { text: part.replace(/\n/g, ' '), run, width: doc.widthOfString(part.replace(/\n/g, ' ')) };
      words.at(-1)!.push(piece);
      if (/\s$/u.test(part)) words.push([]);
    }
  }
  const lines: Piece[][] = [[]];
  let used = 0;
  for (const word of words) {
    const w = word.reduce((n, p) => n + p.width, 0);
    const trailing = word.length ? doc.font(word.at(-1)!.run.font).fontSize(word.at(-1)!.run.size ?? opts.size).widthOfString(word.at(-1)!.text) - doc.widthOfString(word.at(-1)!.text.trimEnd()) : 0;
    if (used > 0 && used + w - trailing > opts.width) {
      lines.push([]);
      used = 0;
    }
    lines.at(-1)!.push(...word);
    used += w;
  }
  for (const line of lines) {
    if (!line.length) continue;
    if (doc.y + opts.lineHeight > doc.page.maxY()) doc.addPage();
    const y = doc.y;
    let x = opts.x;
    // Neighbouring pieces in the same style become one text call.
    const merged: Piece[] = [];
    for (const p of line) {
      const last = merged.at(-1);
      if (last && last.run === p.run) merged.push({ ...merged.pop()!, text: last.text + p.text, width: last.width + p.width });
      else merged.push({ ...p });
    }
    for (const p of merged) {
      const size = p.run.size ?? opts.size;
      if (p.run.highlight) {
        const visible = p.text.trimEnd() === p.text ? p.width : p.width - doc.font(p.run.font).fontSize(size).widthOfString(p.text.slice(p.text.trimEnd().length));
        doc.save().fillOpacity(p.run.strong ? 0.45 : 0.25).rect(x, y - 1, visible, opts.size * 1.3).fill(p.run.highlight).restore();
        doc.save().rect(x, y + opts.size * 1.22, visible, 1.2).fill(p.run.highlight).restore();
      }
      doc.font(p.run.font).fontSize(size).fillColor(p.run.color).text(p.text, x, y - (p.run.raise ?? 0), { lineBreak: false });
      x += p.width;
    }
    doc.x = opts.x;
    doc.y = y + opts.lineHeight;
  }
}

function claimSection(doc: PDFKit.PDFDocument, r: Report, c: ReportClaim, width: number) {
  const left = doc.page.margins.left;
  if (doc.y > doc.page.height - 160) doc.addPage();
  doc.moveDown(0.6);
  doc.font('sansBold').fontSize(11.5).fillColor(INK).text(`${c.number}. ${c.statement}`, left, undefined, { width, lineGap: 1.5 });
  doc.moveDown(0.2);
  doc.font('serifItalic').fontSize(10).fillColor(MUTED).text(`„${c.quote.exact}“${c.orphaned ? ' (no longer in the article)' : ''}`, { width, lineGap: 1.5 });
  doc.moveDown(0.25);
  const y = doc.y;
  doc.rect(left, y + 1, 9, 9).fill(c.verdictColor);
  doc
    .font('sansBold')
    .fontSize(10)
    .fillColor(INK)
    .text(`${c.verdictLabel}${c.rating !== null ? ` (${c.rating}/${r.ratingBounds.best})` : ''}`, left + 14, y, { continued: true })
    .font('sans')
    .fillColor(MUTED)
    .text(`  ·  ${statusLabel(c.status)}${c.dismissReason ? ` — ${c.dismissReason}` : ''}`);
  doc.x = left;
  const who = [c.claimant ? `Claimant: ${c.claimant}` : null, c.claimDate ? `Date: ${formatDate(c.claimDate)}` : null].filter(Boolean).join(' · ');
  if (who) doc.font('sans').fontSize(9.5).fillColor(MUTED).text(who, left, undefined, { width });
  if (c.rationale) {
    doc.moveDown(0.25);
    doc.font('serif').fontSize(10).fillColor(INK).text(c.rationale, left, undefined, { width, lineGap: 2 });
  }
  if (c.sources.length) {
    doc.moveDown(0.3).font('sansBold').fontSize(9).fillColor(INK).text('Sources', left);
    c.sources.forEach((s, i) => {
      doc
        .font('sans')
        .fontSize(9)
        .fillColor(INK)
        .text(`${i + 1}. `, left + 6, undefined, { continued: true })
        .fillColor(LINK)
        .text(s.title || s.url, { link: s.url, underline: true, continued: true })
        .fillColor(MUTED)
        // Continued text inherits the link and underline unless they are switched off.
        .text(` — ${[sourceLine(s), stanceLabel(s.stance)].join(' · ')}`, { width: width - 6, link: null, underline: false });
      if (s.title) doc.fontSize(8).fillColor(LINK).text(s.url, left + 18, undefined, { link: s.url, width: width - 18 });
      if (s.excerpt) doc.font('serifItalic').fontSize(8.5).fillColor(MUTED).text(`“${s.excerpt}”`, left + 18, undefined, { width: width - 18 });
    });
  }
  const review = reviewLine(c);
  if (review) doc.moveDown(0.2).font('sans').fontSize(8.5).fillColor(MUTED).text(review, left, undefined, { width });
  doc.x = left;
}
