/**
 * One row per claim, RFC 4180 (CRLF, quotes doubled), UTF-8 with a byte-order mark so that
 * spreadsheet programs read umlauts right. Cells that a spreadsheet would run as a formula
 * (starting with = + - @, tab or carriage return) are prefixed with an apostrophe.
 */
import { stringify } from 'csv-stringify/sync';
import type { Report } from './report';
import { wording } from './text';

export const CSV_COLUMNS = [
  'number',
  'statement',
  'quote',
  'claimant',
  'claim_date',
  'verdict',
  'verdict_label',
  'rating',
  'status',
  'rationale',
  'sources',
  'proposed_by',
  'proposed_at',
  'approved_by',
  'approved_at',
  'text_start',
  'text_end',
  'claim_id',
  'document_status',
] as const;

/** Neutralises spreadsheet formulas (OWASP "CSV injection"). */
export function neutraliseFormula(cell: string): string {
  // Formula starters, also after leading white space (spreadsheets trim it) and in their
  // full-width forms (＝ ＋ － ＠), and leading control characters.
  return /^[\s\u00a0\u3000]*[=+\-@\uff1d\uff0b\uff0d\uff20]|^[\t\r\n]/.test(cell) ? `'${cell}` : cell;
}

export function toCsv(r: Report): string {
  const w = wording(r);
  const rows = r.claims.map((c) => [
    String(c.number),
    c.statement,
    c.quote.exact,
    c.claimant ?? '',
    c.claimDate ?? '',
    c.verdict ?? '',
    c.verdict ? c.verdictLabel : '',
    c.rating === null ? '' : String(c.rating),
    w.statusLabel(c.status),
    c.rationale ?? '',
    c.sources.map((s) => `${s.title ? `${s.title} — ` : ''}${s.url} (${[w.sourceLine(s), w.stanceLabel(s.stance)].join(' · ')})`).join('\n'),
    c.proposedBy?.name ?? '',
    c.proposedAt ?? '',
    c.status === 'approved' ? (c.approvedBy?.name ?? '') : '',
    c.status === 'approved' ? (c.approvedAt ?? '') : '',
    c.position ? String(c.position.start) : '',
    c.position ? String(c.position.end) : '',
    c.id,
    r.draft ? w.draftMark : w.t('report.signedOffCsv', { revision: r.document.revision }),
  ]);
  return `\uFEFF${stringify([[...CSV_COLUMNS], ...rows].map((row) => row.map(neutraliseFormula)), { record_delimiter: '\r\n', quoted_match: /[",\r\n]/ })}`;
}
