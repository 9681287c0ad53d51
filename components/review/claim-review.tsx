'use client';

/**
 * A claim's place in the review: its status, who proposed and approved it, what it still
 * lacks, and the actions the reader may take now (the same rules the server enforces).
 * "Request changes" and "Dismiss" ask for a comment first.
 */
import { useLocale, useTranslations } from 'next-intl';
import { useState } from 'react';
import type { ClaimJSON } from '@/lib/claims/serialize';
import { useClaimStatusLabel } from '../claims/labels';
import { availableClaimActions, CLAIM_ACTIONS_NEEDING_COMMENT, missingForProposal, type ClaimAction } from '@/lib/workflow/rules';
import { ApiError, sendJson } from '../claims/api';
import { RelativeTime } from '../ui/relative-time';
import { useMemberName, useReview } from './review-context';


export function ClaimReview({ claim, onChanged }: { claim: ClaimJSON; onChanged: (claim: ClaimJSON) => void }) {
  const { role, currentUserId, documentStatus } = useReview();
  const nameOf = useMemberName();
  const t = useTranslations('review');
  const locale = useLocale();
  const ta = useTranslations('actions.claim');
  const statusLabel = useClaimStatusLabel();
  const [asking, setAsking] = useState<ClaimAction | null>(null);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const state = { ...claim, sourceCount: claim.sources.length };
  const actions = availableClaimActions(state, { id: currentUserId, role }, documentStatus);
  const missing = missingForProposal(state);
  const ownProposal = claim.status === 'proposed' && (claim.proposedBy === currentUserId || claim.lastChangedBy === currentUserId);

  async function run(action: ClaimAction, text?: string) {
    setPending(true);
    setError(null);
    try {
      const body = await sendJson<{ claim: ClaimJSON }>('POST', `/api/claims/${claim.id}/transitions`, { action, ...(text ? { comment: text } : {}) });
      setAsking(null);
      setComment('');
      onChanged(body.claim);
    } catch (e) {
      const err = e as ApiError;
      setError(err.message);
      if (err.body?.error?.claim) onChanged(err.body.error.claim as ClaimJSON);
    } finally {
      setPending(false);
    }
  }

  const prompt = asking === 'request_changes' ? { label: t('changesLabel'), placeholder: t('changesPlaceholder') } : asking === 'dismiss' ? { label: t('dismissLabel'), placeholder: t('dismissPlaceholder') } : undefined;
  return (
    <section className="claim-review" aria-label={t('region')}>
      <p className="review-line">
        <span className={`status-chip status-${claim.status}`}>{statusLabel(claim.status)}</span>
        {claim.status === 'dismissed' && claim.dismissReason && <span className="muted"> — {claim.dismissReason}</span>}
      </p>
      {claim.proposedBy && claim.proposedAt && claim.status !== 'dismissed' && (
        <p className="review-line muted">
          {t('proposedBy', { name: nameOf(claim.proposedBy) ?? '' })} <RelativeTime date={claim.proposedAt} />
        </p>
      )}
      {claim.approvedBy && claim.approvedAt && claim.status === 'approved' && (
        <p className="review-line muted">
          {t('approvedBy', { name: nameOf(claim.approvedBy) ?? '' })} <RelativeTime date={claim.approvedAt} />
        </p>
      )}
      {(claim.status === 'open' || claim.status === 'in_progress') && missing.length > 0 && role !== 'viewer' && (
        <p className="review-line muted">{t('missing', { items: new Intl.ListFormat(locale, { type: 'conjunction' }).format(missing.map((m) => t(m === 'a verdict' ? 'missingVerdict' : m === 'a rationale' ? 'missingRationale' : 'missingSource'))) })}</p>
      )}
      {ownProposal && role !== 'viewer' && documentStatus !== 'signed_off' && (
        <p className="review-line muted">{t('fourEyes')}</p>
      )}
      {actions.length > 0 && !asking && (
        <div className="actions wrap">
          {actions.map((a) => (
            <button
              key={a}
              type="button"
              className={`button small ${a === 'approve' || a === 'propose' ? 'primary' : a === 'dismiss' ? 'ghost' : ''}`}
              disabled={pending}
              onClick={() => (CLAIM_ACTIONS_NEEDING_COMMENT.includes(a) ? (setAsking(a), setError(null)) : void run(a))}
            >
              {ta(a)}
            </button>
          ))}
        </div>
      )}
      {asking && prompt && (
        <form
          className="stack compact"
          onSubmit={(e) => {
            e.preventDefault();
            void run(asking, comment.trim());
          }}
        >
          <label className="field">
            <span>{prompt.label}</span>
            <textarea value={comment} onChange={(e) => setComment(e.target.value)} rows={2} required maxLength={5000} placeholder={prompt.placeholder} autoFocus />
          </label>
          <div className="actions">
            <button type="button" className="button ghost small" onClick={() => setAsking(null)}>
              {t('cancel')}
            </button>
            <button type="submit" className="button primary small" disabled={pending || !comment.trim()}>
              {ta(asking)}
            </button>
          </div>
        </form>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
