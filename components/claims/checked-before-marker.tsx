'use client';

import { useTranslations } from 'next-intl';

/** "Checked before": a claim that says the same was checked in another document of the desk. */
export function CheckedBeforeMarker() {
  const t = useTranslations('memory');
  return (
    <span className="checked-before" title={t('markerTitle')}>
      <span aria-hidden="true">↺</span> {t('marker')}
    </span>
  );
}
