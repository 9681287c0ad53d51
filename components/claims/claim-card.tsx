'use client';

import { CheckedBeforeMarker } from './checked-before-marker';
import type { ClaimJSON } from '@/lib/claims/serialize';
import { useTranslations } from 'next-intl';
import { useClaimStatusLabel } from './labels';
import { VerdictBadge } from './verdict-badge';

/** The small card shown when the pointer or the caret is on a highlight. */
export function ClaimCard({ claim, rect, checkedBefore = false }: { claim: ClaimJSON; rect: DOMRect; checkedBefore?: boolean }) {
  const top = rect.bottom + window.scrollY + 6;
  const left = Math.max(8, Math.min(rect.left + window.scrollX, window.innerWidth - 340));
  const n = claim.sources.length;
  const t = useTranslations('sidebar');
  const statusLabel = useClaimStatusLabel();
  return (
    <div className="claim-card" role="tooltip" style={{ top, left }} data-testid="claim-card">
      <p className="claim-card-statement">{claim.statement}</p>
      <p className="claim-card-meta">
        <VerdictBadge verdict={claim.verdict} />
        <span className={`status-chip status-${claim.status}`}>{statusLabel(claim.status)}</span>
        <span>{t('sources', { count: n })}</span>
        {checkedBefore && <CheckedBeforeMarker />}
      </p>
    </div>
  );
}
