'use client';

/** "Checked before": earlier claims of the desk that say what this claim says (GET /api/claims/:id/similar). */
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import type { ClaimStatus, Verdict } from '@/db/enums';
import type { SimilarClaim } from '@/lib/claims/memory';
import type { ClaimJSON } from '@/lib/claims/serialize';
import { RelativeTime } from '../ui/relative-time';
import { sendJson } from './api';
import { useClaimStatusLabel } from './labels';
import { VerdictBadge } from './verdict-badge';

type Same = { claim: { id: string; statement: string; verdict: string | null; status: string }; document: { id: string; title: string } };

export function SimilarClaims({ claimId, statement, canEdit, onChanged }: { claimId: string; statement: string; canEdit: boolean; onChanged: (claim: ClaimJSON) => void }) {
  const t = useTranslations('memory');
  const statusLabel = useClaimStatusLabel();
  const [matches, setMatches] = useState<SimilarClaim[]>([]);
  const [same, setSame] = useState<Same[]>([]);
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const [round, setRound] = useState(0);
  // Asked again when the statement changes (a moment after typing stops).
  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      sendJson<{ matches: SimilarClaim[]; same: Same[] }>('GET', `/api/claims/${claimId}/similar`)
        .then((body) => {
          if (!live) return;
          setMatches(body.matches);
          setSame(body.same);
        })
        .catch(() => undefined);
    }, 400);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [claimId, statement, round]);

  async function act(kind: 'reuse' | 'not-same', other: string) {
    setNotice(null);
    try {
      if (kind === 'reuse') {
        const body = await sendJson<{ claim: ClaimJSON }>('POST', `/api/claims/${claimId}/reuse`, { claimId: other });
        onChanged(body.claim);
        setNotice({ ok: true, text: t('reused') });
      } else await sendJson('POST', `/api/claims/${claimId}/not-same`, { claimId: other });
      setRound((r) => r + 1);
    } catch (e) {
      setNotice({ ok: false, text: (e as Error).message });
    }
  }

  if (!matches.length && !same.length && !notice) return null;
  return (
    <section className="similar-claims" {...(matches.length ? { 'aria-labelledby': `similar-${claimId}` } : { 'aria-label': t('same') })}>
      {same.length > 0 && (
        <p className="same-claims" role="group" aria-label={t('same')}>
          {t('same')}{' '}
          {same.map((s, i) => (
            <span key={s.claim.id}>
              {i > 0 && ', '}
              <Link href={`/documents/${s.document.id}?claim=${s.claim.id}`}>{s.claim.statement}</Link> <span className="muted">({s.document.title})</span>
            </span>
          ))}
        </p>
      )}
      {notice && (
        <p className={notice.ok ? 'form-ok small' : 'form-error'} role={notice.ok ? 'status' : 'alert'}>
          {notice.text}
        </p>
      )}
      {matches.length > 0 && (
      <>
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
            {m.claim.quote && m.claim.quote !== m.claim.statement && (
              <q className="similar-quote" dir="auto">
                {m.claim.quote.length > 140 ? `${m.claim.quote.slice(0, 139)}…` : m.claim.quote}
              </q>
            )}
            <span className="similar-meta">
              <VerdictBadge verdict={m.claim.verdict as Verdict | null} />
              <span className={`status-chip status-${m.claim.status}`}>{statusLabel(m.claim.status as ClaimStatus)}</span>
              <span>{t.rich('in', { title: m.document.title, em: (chunks) => <em>{chunks}</em> })}</span>
              {m.claim.approvedByName && <span>{t('approvedBy', { name: m.claim.approvedByName })}</span>}
              <RelativeTime date={m.claim.updatedAt} />
              <span className="muted">{t('similar', { percent: Math.round(m.score * 100) })}</span>
            </span>
            {canEdit && (
              <span className="actions">
                <button type="button" className="button small" onClick={() => void act('reuse', m.claim.id)} aria-label={t('reuseLabel', { statement: m.claim.statement })}>
                  {t('reuse')}
                </button>
                <button type="button" className="button ghost small" onClick={() => void act('not-same', m.claim.id)} aria-label={t('notSameLabel', { statement: m.claim.statement })}>
                  {t('notSame')}
                </button>
              </span>
            )}
          </li>
        ))}
      </ul>
      </>
      )}
    </section>
  );
}
