'use client';

import { useTranslations } from 'next-intl';

/** Opens the browser's print dialog (save as PDF from there, or use the PDF download). */
export function PrintButton() {
  const t = useTranslations('print');
  return (
    <button type="button" className="button small" onClick={() => window.print()}>
      {t('print')}
    </button>
  );
}
