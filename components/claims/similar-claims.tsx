'use client';

/** "Checked before": earlier claims of the desk that say what this claim says (GET /api/claims/:id/similar). */
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import type { ClaimStatus, Verdict } from '@/db/enums';
import type { SimilarClaim } from '@/lib/claims/memory';
import { RelativeTime } from '../ui/relative-time';
import { sendJson } from './api';
import { useClaimStatusLabel } from './labels';
import { VerdictBadge } from './verdict-badge';

export function SimilarClaims({ claimId, statement }: { claimId: string; statement: string }) {
  const t = useTranslations('memory');
  const statusLabel = useClaimStatusLabel();
  const [matches, setMatches] = useState<SimilarClaim[]>([]);
  // Asked again when the statement changes (a moment after typing stops).
  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      sendJson<{ matches: SimilarClaim[] }>('GET', `/api/claims/${claimId}/similar`)
        .then((body) => live && setMatches(body.matches))
        .catch(() => undefined);
    }, 400);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [claimId, statement]);
  if (!matches.length) return null;
  return (
    <section className="similar-claims" aria-labelledby={`similar-${claimId}`}>
      <h3 id={`similar-${claimId}`} className="section-title">
        {t('title')} <span className="count">{matches.length}</span>
      </h3>
      <p className="muted small">{t('intro')}</p>
      <ul>
        {matches.map((m) => (
          <li key={m.claim.id}>
            <Link href={`/documents/${m.document.id}?claim=${m.claim.id}`} aria-label={t('open', { statement: m.claim.statement })} dir="auto">
              {m.claim.statement}
            </Link>
            <span className="similar-meta">
              <VerdictBadge verdict={m.claim.verdict as Verdict | null} />
              <span className={`status-chip status-${m.claim.status}`}>{statusLabel(m.claim.status as ClaimStatus)}</span>
              <span>{t.rich('in', { title: m.document.title, em: (chunks) => <em>{chunks}</em> })}</span>
              {m.claim.approvedByName && <span>{t('approvedBy', { name: m.claim.approvedByName })}</span>}
              <RelativeTime date={m.claim.updatedAt} />
              <span className="muted">{t('similar', { percent: Math.round(m.score * 100) })}</span>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
