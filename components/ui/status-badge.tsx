import type { DocumentStatus } from '@/db/enums';

/** The names of document statuses people read. */
export const STATUS_LABELS: Record<DocumentStatus, string> = { draft: 'Draft', in_review: 'In review', signed_off: 'Signed off' };

/** The document's lifecycle state as a coloured badge. */
export function StatusBadge({ status }: { status: DocumentStatus }) {
  return <span className={`badge status-${status}`}>{STATUS_LABELS[status]}</span>;
}
