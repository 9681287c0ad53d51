/** Small wordings shared by the report formats. */
import type { ClaimStatus, DocumentStatus } from '@/db/enums';
import { CLAIM_STATUS_LABELS } from '../claims/verdicts';
import type { ReportClaim, ReportSource } from './report';

/** "By Priya Raman · published 2 Oct 2026", from what the article's source said; null when it said nothing. */
export function articleLine(d: { byline: string | null; publishedAt: string | null }): string | null {
  const by = d.byline ? (/^(by|von|por|de|par)\s/i.test(d.byline) ? d.byline : `By ${d.byline}`) : null;
  const parts = [by, d.publishedAt ? `published ${formatDate(d.publishedAt)}` : null].filter(Boolean);
  return parts.length ? parts.join(' · ') : null;
}

/** The mark every format carries when the document is not signed off. */
export const DRAFT_MARK = 'Draft — not signed off';

const DOCUMENT_STATUS_LABELS: Record<DocumentStatus, string> = { draft: 'Draft', in_review: 'In review', signed_off: 'Signed off' };

export function statusLabel(status: ClaimStatus | DocumentStatus): string {
  return (CLAIM_STATUS_LABELS as Record<string, string>)[status] ?? DOCUMENT_STATUS_LABELS[status as DocumentStatus];
}

const STANCES: Record<string, string> = { supports: 'supports the claim', refutes: 'refutes the claim', context: 'context' };
export function stanceLabel(stance: string): string {
  return STANCES[stance] ?? stance;
}

// One formatter for every date: building one per call (toLocaleDateString) costs ~1 ms each.
const DATE_FORMAT = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** "21 Dec 2021" for a date, "21 Dec 2021, 14:02 UTC" for a timestamp (reports are read anywhere: UTC). */
export function formatDate(iso: string, withTime = false): string {
  const d = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  const date = DATE_FORMAT.format(d);
  return withTime ? `${date}, ${d.toISOString().slice(11, 16)} UTC` : date;
}

/** "Publisher · published 3 Jan 2021 · accessed 5 Jan 2022". */
export function sourceLine(s: ReportSource): string {
  return [s.publisher, s.publishedAt ? `published ${formatDate(s.publishedAt)}` : null, `accessed ${formatDate(s.accessedAt)}`].filter(Boolean).join(' · ');
}

/** "Proposed by Rita Reviewer on …; approved by Ben Reviewer on …". */
export function reviewLine(c: ReportClaim): string | null {
  const parts = [
    c.proposedBy && c.proposedAt ? `Proposed by ${c.proposedBy.name} on ${formatDate(c.proposedAt, true)}` : null,
    c.approvedBy && c.approvedAt && c.status === 'approved' ? `approved by ${c.approvedBy.name} on ${formatDate(c.approvedAt, true)}` : null,
  ].filter(Boolean);
  return parts.length ? parts.join('; ') : null;
}
