import { useTranslations } from 'next-intl';
import type { DocumentStatus } from '@/db/enums';

/** The document's lifecycle state as a coloured badge, in the reader's language. */
export function StatusBadge({ status }: { status: DocumentStatus }) {
  const t = useTranslations('documentStatus');
  return <span className={`badge status-${status}`}>{t(status)}</span>;
}
