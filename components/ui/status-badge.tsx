import type { DocumentStatus } from '@/db/enums';

const LABELS: Record<DocumentStatus, string> = { draft: 'Draft', in_review: 'In review', signed_off: 'Signed off' };

/** The document's lifecycle state as a coloured badge. */
export function StatusBadge({ status }: { status: DocumentStatus }) {
  return <span className={`badge status-${status}`}>{LABELS[status]}</span>;
}
