/**
 * The report as a Word document (the `docx` package): the article with its headings,
 * lists, quotes, tables and figures, each claim as a Word comment on its words holding the
 * verdict, rationale and sources, then the claims and the methodology as in the PDF.
 * Word users review it with the comments pane as they review any edited text.
 */
import {
  AlignmentType,
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  Document,
  ExternalHyperlink,
  Footer,
  Header,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from 'docx';
import { textDirection } from '../languages';
import type { Block, Report, ReportClaim, Segment } from './report';
import { wording } from './text';

const hex = (color: string) => color.replace('#', '').toUpperCase();

/** Comment ids: claim n is comment n (Word wants non-negative integers). */
function segmentChildren(r: Report, segments: Segment[], opened: Set<number>, style: { italics?: boolean; bold?: boolean } = {}): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  for (const s of segments) {
    for (const n of s.claims) {
      if (!opened.has(n)) {
        opened.add(n);
        out.push(new CommentRangeStart(n));
      }
    }
    const claim = s.claims.length ? r.claims[s.claims.at(-1)! - 1] : undefined;
    const lines = s.text.split('\n');
    lines.forEach((line, i) => {
      out.push(
        new TextRun({
          text: line,
          break: i > 0 ? 1 : undefined,
          ...style,
          ...(claim ? { bold: true, shading: { type: ShadingType.CLEAR, fill: hex(claim.verdictColor) + '', color: 'auto' }, color: 'FFFFFF' } : {}),
        }),
      );
    });
    for (const n of s.ends) {
      out.push(new CommentRangeEnd(n), new TextRun({ children: [new CommentReference(n)] }), new TextRun({ text: `[${n}]`, superScript: true }));
    }
  }
  return out;
}

function articleBlocks(r: Report, opened: Set<number>): (Paragraph | Table)[] {
  const rtl = textDirection(r.document.language) === 'rtl';
  const out: (Paragraph | Table)[] = [];
  for (const block of r.blocks) out.push(...blockParagraphs(r, block, opened, rtl));
  return out;
}

function blockParagraphs(r: Report, block: Block, opened: Set<number>, rtl: boolean): (Paragraph | Table)[] {
  const indent = (block.list ? block.list.depth * 360 : 0) + (block.quoted ? 567 : 0);
  if (block.kind === 'table') {
    const rows = block.rows ?? [];
    if (!rows.length) return [];
    return [
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        visuallyRightToLeft: rtl,
        rows: rows.map(
          (row) =>
            new TableRow({
              children: row.map(
                (cell) =>
                  new TableCell({
                    columnSpan: cell.colspan > 1 ? cell.colspan : undefined,
                    rowSpan: cell.rowspan > 1 ? cell.rowspan : undefined,
                    shading: cell.header ? { type: ShadingType.CLEAR, fill: 'F5F2ED', color: 'auto' } : undefined,
                    children: [new Paragraph({ bidirectional: rtl, children: segmentChildren(r, cell.segments, opened, { bold: cell.header }) })],
                  }),
              ),
            }),
        ),
      }),
    ];
  }
  const children = segmentChildren(r, block.segments, opened, { italics: block.quoted || block.kind === 'figure' });
  if (block.kind === 'figure' && block.figure) {
    children.unshift(
      new ExternalHyperlink({ link: block.figure.src, children: [new TextRun({ text: `Image: ${block.figure.alt || block.figure.src}`, style: 'Hyperlink' })] }),
      new TextRun({ text: '', break: 1 }),
    );
  }
  if (!children.length) return [];
  const headingLevels = [HeadingLevel.HEADING_2, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6];
  const marker = block.list?.marker;
  // Ordered items keep their own numbers (a list may start at any number); bullets use Word's numbering.
  if (marker?.ordered) children.unshift(new TextRun({ text: `${marker.number}.\t` }));
  return [
    new Paragraph({
      children,
      bidirectional: rtl,
      heading: block.kind === 'heading' ? headingLevels[(block.level ?? 2) - 1] : undefined,
      indent: marker?.ordered ? { left: indent, hanging: 360 } : indent && !marker ? { left: indent } : undefined,
      numbering: marker && !marker.ordered ? { reference: 'bullets', level: Math.min(8, block.list!.depth - 1) } : undefined,
    }),
  ];
}

function commentFor(r: Report, c: ReportClaim) {
  const w = wording(r);
  const lines = [
    `${c.number}. ${c.statement}`,
    w.t('report.commentLine', { label: c.verdictLabel, rating: c.rating !== null ? w.t('report.md.ratingSuffix', { rating: c.rating, best: r.ratingBounds.best }) : '', status: w.statusLabel(c.status) }),
    c.rationale ?? '',
    ...c.sources.map((s, i) => `${w.t('report.sourceN', { n: i + 1 })}: ${s.title || s.url} — ${s.url} (${w.stanceLabel(s.stance)})`),
  ].filter(Boolean);
  return {
    id: c.number,
    author: c.proposedBy?.name ?? c.createdBy?.name ?? r.workspace.organisation,
    initials: 'FD',
    date: new Date(c.updatedAt),
    children: lines.map((text) => new Paragraph({ children: [new TextRun(text)] })),
  };
}

function claimParagraphs(r: Report, c: ReportClaim): Paragraph[] {
  const w = wording(r);
  const out: Paragraph[] = [
    new Paragraph({ heading: HeadingLevel.HEADING_3, children: [new TextRun(`${c.number}. ${c.statement}`)] }),
    new Paragraph({ indent: { left: 360 }, children: [new TextRun({ text: `“${c.quote.exact}”`, italics: true })] }),
    new Paragraph({
      children: [
        new TextRun({ text: w.t('report.verdictPrefix'), bold: true }),
        new TextRun({ text: ` ${c.verdictLabel} `, bold: true, color: 'FFFFFF', shading: { type: ShadingType.CLEAR, fill: hex(c.verdictColor), color: 'auto' } }),
        new TextRun(c.rating !== null ? ` (${c.rating} of ${r.ratingBounds.best})` : ''),
        new TextRun({ text: `${w.t('report.statusSuffix', { status: w.statusLabel(c.status) })}${c.dismissReason ? ` — ${c.dismissReason}` : ''}` }),
      ],
    }),
  ];
  if (c.claimant) out.push(new Paragraph(`${w.t('report.claimantLine', { name: c.claimant })}${c.claimDate ? `, ${w.formatDate(c.claimDate)}` : ''}`));
  if (c.orphaned) out.push(new Paragraph(w.t('report.orphanedNote')));
  const review = w.reviewLine(c);
  if (review) out.push(new Paragraph({ children: [new TextRun({ text: review, color: '5F6775' })] }));
  if (c.rationale) out.push(new Paragraph(c.rationale));
  c.sources.forEach((s, i) => {
    const details = w.sourceLine(s);
    out.push(
      new Paragraph({
        indent: { left: 360 },
        children: [
          new TextRun(`${i + 1}. `),
          new ExternalHyperlink({ link: s.url, children: [new TextRun({ text: s.title || s.url, style: 'Hyperlink' })] }),
          new TextRun(`${details ? ` — ${details}` : ''} (${w.stanceLabel(s.stance)})`),
        ],
      }),
    );
    if (s.excerpt) out.push(new Paragraph({ indent: { left: 720 }, children: [new TextRun({ text: s.excerpt, italics: true })] }));
  });
  return out;
}

/** The .docx of a report. */
export async function toDocx(r: Report): Promise<Buffer> {
  const w = wording(r);
  const opened = new Set<number>();
  const article = articleBlocks(r, opened);
  const live = r.claims.filter((c) => opened.has(c.number));
  const body: (Paragraph | Table)[] = [
    ...(r.draft ? [new Paragraph({ children: [new TextRun({ text: `${w.draftMark}.`, bold: true, color: 'B3261E' })] })] : []),
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(r.document.title)] }),
    new Paragraph({
      children: [
        new TextRun({ text: w.t('report.metaLine', { language: r.document.language, revision: r.document.revision, status: w.statusLabel(r.document.status), organisation: r.workspace.organisation }), color: '5F6775' }),
      ],
    }),
    ...(w.articleLine(r.document) ? [new Paragraph(w.articleLine(r.document)!)] : []),
    ...(r.document.sourceUrl ? [new Paragraph({ children: [new TextRun(w.t('report.sourcePrefix')), new ExternalHyperlink({ link: r.document.sourceUrl, children: [new TextRun({ text: r.document.sourceUrl, style: 'Hyperlink' })] })] })] : []),
    ...(r.signoff ? [new Paragraph(w.t('report.signedOffHash', { name: r.signoff.by, date: w.formatDate(r.signoff.at, true), revision: r.signoff.revision, hash: r.signoff.hash }))] : []),
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(w.t('report.summary'))] }),
    new Paragraph(`${w.t('report.summaryLine', { claims: r.summary.claims, sources: r.summary.sources })}${r.summary.reviewers.length ? w.t('report.reviewedBy', { names: r.summary.reviewers.join(', ') }) : ''}`),
    ...r.summary.perVerdict.map((v) => new Paragraph({ children: [new TextRun({ text: '■ ', color: hex(v.color) }), new TextRun(`${v.label}: ${v.count}`)] })),
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(w.t('report.article'))] }),
    ...article,
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(w.t('report.claims'))] }),
    ...(r.claims.length ? r.claims.flatMap((c) => claimParagraphs(r, c)) : [new Paragraph(w.t('report.noClaims'))]),
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(w.t('report.methodology'))] }),
    new Paragraph(
      w.t('report.methodologyShort', { worst: r.ratingBounds.worst, best: r.ratingBounds.best }),
    ),
    ...r.scale.map((v) => new Paragraph({ children: [new TextRun({ text: '■ ', color: hex(v.color) }), new TextRun(`${v.label} — ${v.rating === null ? 'no rating' : `rating ${v.rating}`}`)] })),
  ];
  const document = new Document({
    creator: 'Factdesk',
    title: r.document.title,
    description: 'Fact-check report',
    comments: { children: live.map((c) => commentFor(r, c)) },
    numbering: {
      config: [
        {
          reference: 'bullets',
          levels: Array.from({ length: 9 }, (_, level) => ({
            level,
            format: LevelFormat.BULLET,
            text: '•',
            alignment: AlignmentType.LEFT,
            style: { paragraph: { indent: { left: 360 * (level + 1), hanging: 260 } } },
          })),
        },
      ],
    },
    sections: [
      {
        headers: r.draft ? { default: new Header({ children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: w.draftMark, bold: true, color: 'B3261E' })] })] }) } : undefined,
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: [`${r.document.title} — page `, PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES], color: '5F6775', size: 17 })],
              }),
            ],
          }),
        },
        children: body,
      },
    ],
  });
  return Packer.toBuffer(document);
}
