/** The report as Markdown (CommonMark + GFM tables), for CMSs and wikis. */
import type { Block, Cell, Report, Segment } from './report';
import { wording } from './text';

/**
 * Escapes what Markdown would read as markup, and nothing else: emphasis, code, links,
 * HTML, tables and strikethrough anywhere; headings, quotes, list markers and rules only
 * at the start of a line ("3.5 %" and "well-known" stay as they are).
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/([\\`*_[\]<>|~])/g, '\\$1')
    .replace(/&(?=#?[a-z0-9]+;)/gi, '\\&')
    .split('\n')
    .map((line) => line.replace(/^(\s*)([#>+=-])/, '$1\\$2').replace(/^(\s*\d+)([.)])(?=\s|$)/, '$1\\$2'))
    .join('  \n');
}

const esc = escapeMarkdown;

function link(text: string, url: string) {
  return `[${esc(text)}](<${url.replace(/[<>\s]/g, encodeURIComponent)}>)`;
}

function segmentsMarkdown(segments: Segment[]): string {
  return segments
    .map((s) => {
      const body = s.claims.length ? `**${esc(s.text)}**` : esc(s.text);
      return body + s.ends.map((n) => `<sup>[${n}](#claim-${n})</sup>`).join('');
    })
    .join('');
}

/** One block of the article: headings one level below the report's, numbered lists with their numbers, GFM tables, figures as images. */
function blockMarkdown(block: Block): string | null {
  const indent = block.list ? '   '.repeat(block.list.depth - 1) : '';
  const quote = block.quoted ? '> ' : '';
  const prefix = (text: string, first: string, rest: string) =>
    text
      .split('\n')
      .map((line, i) => `${quote}${i === 0 ? first : rest}${line}`)
      .join('\n');
  if (block.kind === 'table') {
    const rows = block.rows ?? [];
    if (!rows.length) return null;
    const width = Math.max(...rows.map((row) => row.reduce((n, c) => n + c.colspan, 0)));
    const line = (row: Cell[]) => {
      const cells = row.flatMap((c) => [segmentsMarkdown(c.segments).replace(/ {2}\n/g, '<br>'), ...Array<string>(c.colspan - 1).fill('')]);
      while (cells.length < width) cells.push('');
      return `| ${cells.join(' | ')} |`;
    };
    const lines = [line(rows[0]!), `|${' --- |'.repeat(width)}`, ...rows.slice(1).map(line)];
    return lines.map((l) => `${quote}${indent}${l}`).join('\n');
  }
  const text = segmentsMarkdown(block.segments);
  if (block.kind === 'figure') {
    const image = `![${esc(block.figure?.alt ?? '')}](<${(block.figure?.src ?? '').replace(/[<>\s]/g, encodeURIComponent)}>)`;
    return prefix(text.trim() ? `${image}  \n*${text}*` : image, indent, indent);
  }
  if (!text.trim()) return null;
  if (block.kind === 'heading') return `${quote}${'#'.repeat(Math.min(6, (block.level ?? 2) + 1))} ${text}`;
  if (block.list) {
    const marker = block.list.marker;
    if (!marker) return prefix(text, `${indent}   `, `${indent}   `);
    const bullet = marker.ordered ? `${marker.number}. ` : '- ';
    return prefix(text, `${indent}${bullet}`, `${indent}${' '.repeat(bullet.length)}`);
  }
  return prefix(text, '', '');
}

export function toMarkdown(r: Report): string {
  const w = wording(r);
  const { t, formatDate } = w;
  const line = w.articleLine(r.document);
  const out: string[] = [];
  if (r.draft) out.push(`> **${w.draftMark}.** ${t('report.md.draftNote')}`, '');
  out.push(`# ${esc(r.document.title)}`, '');
  const meta = [
    line ? t('report.md.articleMeta', { line: esc(line) }) : null,
    r.document.sourceUrl ? t('report.md.sourceMeta', { url: link(r.document.sourceUrl, r.document.sourceUrl) }) : null,
    t('report.md.languageMeta', { language: r.document.language }),
    t('report.md.revisionMeta', { revision: r.document.revision }),
    t('report.md.statusMeta', { status: w.statusLabel(r.document.status) }),
    t('report.factCheckBy', { organisation: esc(r.workspace.organisation) }),
  ].filter(Boolean);
  out.push(meta.join('  \n'), '');
  if (r.signoff) {
    out.push(`${t('report.md.signedOff', { name: esc(r.signoff.by), date: formatDate(r.signoff.at, true), revision: r.signoff.revision })}  `, `SHA-256: \`${r.signoff.hash}\``, '');
  }
  out.push(`## ${t('report.summary')}`, '');
  out.push(t('report.md.summaryLine', { claims: r.summary.claims, sources: r.summary.sources, reviewers: r.summary.reviewers.length ? t('report.md.reviewedBy', { names: esc(r.summary.reviewers.join(', ')) }) : '' }), '');
  if (r.summary.perVerdict.length) {
    out.push(`| ${t('report.md.verdictCol')} | ${t('report.md.claimsCol')} |`, '| --- | ---: |');
    for (const v of r.summary.perVerdict) out.push(`| ${esc(v.label)} | ${v.count} |`);
    out.push('');
  }
  out.push(`## ${t('report.article')}`, '');
  for (const block of r.blocks) {
    const md = blockMarkdown(block);
    if (md) out.push(md, '');
  }
  out.push(`## ${t('report.claims')}`, '');
  if (!r.claims.length) out.push(t('report.noClaims'), '');
  for (const c of r.claims) {
    out.push(`### <a id="claim-${c.number}"></a>${c.number}. ${esc(c.statement)}`, '');
    out.push(`> ${esc(c.quote.exact)}`, '');
    const facts = [
      `${t('report.md.verdict', { label: esc(c.verdictLabel) })}${c.rating !== null ? t('report.md.ratingSuffix', { rating: c.rating, best: r.ratingBounds.best }) : ''}`,
      `${t('report.md.status', { status: w.statusLabel(c.status) })}${c.dismissReason ? ` — ${esc(c.dismissReason)}` : ''}`,
      c.claimant
        ? `${t('report.md.claimant', { name: esc(c.claimant) })}${c.claimDate ? `, ${formatDate(c.claimDate)}` : ''}`
        : c.claimDate
          ? t('report.md.claimDate', { date: formatDate(c.claimDate) })
          : null,
      c.orphaned ? t('report.md.note') : null,
      w.reviewLine(c) ? esc(w.reviewLine(c)!) : null,
    ].filter(Boolean);
    out.push(facts.join('  \n'), '');
    if (c.rationale) out.push(esc(c.rationale), '');
    if (c.sources.length) {
      out.push(t('report.md.sources'), '');
      for (const s of c.sources) {
        const details = w.sourceLine(s);
        out.push(`${c.sources.indexOf(s) + 1}. ${link(s.title || s.url, s.url)}${details ? ` — ${esc(details)}` : ''} (${w.stanceLabel(s.stance)})`);
        if (s.excerpt) out.push(`   > ${esc(s.excerpt)}`);
      }
      out.push('');
    }
  }
  out.push(`## ${t('report.corrections')}`, '');
  if (!r.corrections.length) out.push(t('report.noCorrections'), '');
  else {
    out.push(t('report.correctionsIntro'), '');
    for (const c of r.corrections) out.push(`- ${esc(w.correctionChange(c))} — ${esc(w.correctionLine(c))}`);
    out.push('');
  }
  out.push(`## ${t('report.methodology')}`, '');
  out.push(t('report.md.methodology', { worst: r.ratingBounds.worst, best: r.ratingBounds.best }), '');
  out.push(`| ${t('report.md.verdictCol')} | ${t('report.md.ratingCol')} |`, '| --- | ---: |');
  for (const v of r.scale) out.push(`| ${esc(v.label)} | ${v.rating ?? '—'} |`);
  out.push('');
  if (r.draft) out.push(`*${w.draftMark}.*`, '');
  return out.join('\n');
}
