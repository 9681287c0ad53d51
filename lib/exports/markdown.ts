/** The report as Markdown (CommonMark + GFM tables), for CMSs and wikis. */
import type { Report } from './report';
import { DRAFT_MARK } from './report';
import { formatDate, reviewLine, sourceLine, stanceLabel, statusLabel } from './text';

/** Escapes characters Markdown would read as markup. */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_{}[\]()#+\-.!|<>~])/g, '\\$1').replace(/\n/g, '  \n');
}

const esc = escapeMarkdown;

function link(text: string, url: string) {
  return `[${esc(text)}](<${url.replace(/[<>\s]/g, encodeURIComponent)}>)`;
}

export function toMarkdown(r: Report): string {
  const out: string[] = [];
  if (r.draft) out.push(`> **${DRAFT_MARK}.** This report may still change.`, '');
  out.push(`# ${esc(r.document.title)}`, '');
  const meta = [
    r.document.sourceUrl ? `Source: ${link(r.document.sourceUrl, r.document.sourceUrl)}` : null,
    `Language: ${r.document.language}`,
    `Revision: ${r.document.revision}`,
    `Status: ${statusLabel(r.document.status)}`,
    `Fact check by ${esc(r.workspace.organisation)}`,
  ].filter(Boolean);
  out.push(meta.join('  \n'), '');
  if (r.signoff) {
    out.push(`**Signed off** by ${esc(r.signoff.by)} on ${formatDate(r.signoff.at, true)} (revision ${r.signoff.revision}).  `, `SHA-256: \`${r.signoff.hash}\``, '');
  }
  out.push('## Summary', '');
  out.push(`${r.summary.claims} claims checked, ${r.summary.sources} sources${r.summary.reviewers.length ? `, reviewed by ${esc(r.summary.reviewers.join(', '))}` : ''}.`, '');
  if (r.summary.perVerdict.length) {
    out.push('| Verdict | Claims |', '| --- | ---: |');
    for (const v of r.summary.perVerdict) out.push(`| ${esc(v.label)} | ${v.count} |`);
    out.push('');
  }
  out.push('## Article', '');
  for (const block of r.blocks) {
    const text = block.segments
      .map((s) => {
        const body = s.claims.length ? `**${esc(s.text)}**` : esc(s.text);
        return body + s.ends.map((n) => `<sup>[${n}](#claim-${n})</sup>`).join('');
      })
      .join('');
    if (!text.trim()) continue;
    if (block.kind === 'heading') out.push(`${'#'.repeat(Math.min(6, (block.level ?? 2) + 1))} ${text}`, '');
    else if (block.kind === 'list_item') out.push(`- ${text}`, '');
    else if (block.kind === 'blockquote') out.push(`> ${text}`, '');
    else out.push(text, '');
  }
  out.push('## Claims', '');
  if (!r.claims.length) out.push('No claims were marked in this article.', '');
  for (const c of r.claims) {
    out.push(`### <a id="claim-${c.number}"></a>${c.number}. ${esc(c.statement)}`, '');
    out.push(`> ${esc(c.quote.exact)}`, '');
    const facts = [
      `**Verdict:** ${esc(c.verdictLabel)}${c.rating !== null ? ` (${c.rating} of ${r.ratingBounds.best})` : ''}`,
      `**Status:** ${statusLabel(c.status)}${c.dismissReason ? ` — ${esc(c.dismissReason)}` : ''}`,
      c.claimant ? `**Claimant:** ${esc(c.claimant)}${c.claimDate ? `, ${formatDate(c.claimDate)}` : ''}` : c.claimDate ? `**Claim date:** ${formatDate(c.claimDate)}` : null,
      c.orphaned ? '**Note:** the quoted text is no longer in the article.' : null,
      reviewLine(c) ? esc(reviewLine(c)!) : null,
    ].filter(Boolean);
    out.push(facts.join('  \n'), '');
    if (c.rationale) out.push(esc(c.rationale), '');
    if (c.sources.length) {
      out.push('Sources:', '');
      for (const s of c.sources) {
        const details = sourceLine(s);
        out.push(`${c.sources.indexOf(s) + 1}. ${link(s.title || s.url, s.url)}${details ? ` — ${esc(details)}` : ''} (${stanceLabel(s.stance)})`);
        if (s.excerpt) out.push(`   > ${esc(s.excerpt)}`);
      }
      out.push('');
    }
  }
  out.push('## Methodology', '');
  out.push(
    `Each claim was checked by one reviewer and approved by a second (four eyes); an editor signed off the whole report. Verdicts use this scale (ratings as published in schema.org ClaimReview, ${r.ratingBounds.worst} = worst, ${r.ratingBounds.best} = best):`,
    '',
  );
  out.push('| Verdict | Rating |', '| --- | ---: |');
  for (const v of r.scale) out.push(`| ${esc(v.label)} | ${v.rating ?? '—'} |`);
  out.push('');
  if (r.draft) out.push(`*${DRAFT_MARK}.*`, '');
  return out.join('\n');
}
