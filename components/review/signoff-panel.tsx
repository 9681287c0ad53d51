'use client';

/**
 * The document's review bar: its status and revision, what still blocks a sign-off (live,
 * from the claims and the suggested corrections in the editor, by the same rule the server applies), the actions the
 * reader may take (submit, sign off, reopen with a reason), the sign-off record with its
 * SHA-256 and a "Verify" that recomputes it on the server.
 */
import type { CheckworthyHint } from '../editor/use-checkworthy-hints';
import { CheckworthyHints } from './checkworthy-hints';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { ClaimJSON } from '@/lib/claims/serialize';
import { useTranslations } from 'next-intl';
import { useClaimStatusLabel } from '../claims/labels';
import type { serializeSignoff } from '@/lib/workflow/commands';
import { documentRefusal, signoffBlockers, type DocumentAction } from '@/lib/workflow/rules';
import { sendJson } from '../claims/api';
import { StatusBadge } from '../ui/status-badge';
import { RelativeTime } from '../ui/relative-time';
import { useReview } from './review-context';
import type { DocSuggestion } from '@/lib/suggestions/model';

export type SignoffJSON = ReturnType<typeof serializeSignoff>;

interface Props {
  revision: number;
  claims: Map<string, ClaimJSON>;
  signoffs: SignoffJSON[];
  onSelectClaim: (id: string) => void;
  /** Suggested corrections pending in the text (they block a sign-off too), and their authors' names. */
  suggestions: DocSuggestion[];
  authorName: (id: string) => string;
  onSelectSuggestion: (id: string) => void;
  /** Check-worthiness hints (for those who may mark claims while the document is open), or null. */
  hints: {
    list: CheckworthyHint[];
    /** The hint whose sentence was just clicked in the article: its entry opens and takes the focus. */
    focus: { key: string; at: number } | null;
    onMark: (hint: CheckworthyHint) => void;
    onShow: (hint: CheckworthyHint) => void;
    onDismiss: (hint: CheckworthyHint) => Promise<void>;
  } | null;
}

type Verification = { matches: boolean; currentHash: string; signedHash: string; revision: number; reopened: boolean };

export function SignoffPanel({ revision, claims, signoffs, onSelectClaim, hints, suggestions, authorName, onSelectSuggestion }: Props) {
  const { documentId, documentStatus: status, role } = useReview();
  const router = useRouter();
  const t = useTranslations('signoff');
  const ts = useTranslations('suggestions');
  const ta = useTranslations('actions.document');
  const statusLabel = useClaimStatusLabel();
  const [reopening, setReopening] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [verification, setVerification] = useState<Verification | null>(null);

  const blockers = signoffBlockers([...claims.values()]);
  const latest = signoffs[0];
  const allowed = (action: DocumentAction) => documentRefusal(status, action, role, [], 'reason') === null;

  const [copied, setCopied] = useState(false);

  async function run(action: DocumentAction, why?: string) {
    setPending(true);
    setError(null);
    try {
      await sendJson('POST', `/api/documents/${documentId}/transitions`, { action, ...(why ? { reason: why } : {}) });
      setReopening(false);
      setReason('');
      setVerification(null);
      router.refresh();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setPending(false);
    }
  }

  async function verify() {
    setError(null);
    try {
      setVerification(await sendJson<Verification>('GET', `/api/documents/${documentId}/verify`));
    } catch (e) {
      setError((e as Error).message);
    }
  }

  return (
    <section className={`signoff-panel status-${status}`} aria-label={t('region')}>
      <div className="signoff-row">
        <StatusBadge status={status} />
        <span className="muted">{t('revision', { revision })}</span>
        {status === 'signed_off' && latest && (
          <span className="signoff-summary" role="status">
            {t('signedOffBy', { name: latest.signedByName ?? t('formerMember') })} <RelativeTime date={latest.signedAt} /> · SHA-256{' '}
            <code title={latest.hash}>{latest.hash.slice(0, 16)}…</code>{' '}
            <button type="button" className="link-button" onClick={() => void navigator.clipboard?.writeText(latest.hash).then(() => setCopied(true), () => undefined)} aria-label={t('copyHash')}>
              {copied ? t('copied') : t('copy')}
            </button>
            {t('locked')}
          </span>
        )}
        {status === 'in_review' && (
          <span className="muted">
            {blockers.length + suggestions.length === 0
              ? t('ready')
              : [blockers.length ? t('blocking', { count: blockers.length }) : '', suggestions.length ? ts('blocking', { count: suggestions.length }) : ''].filter(Boolean).join(' ')}
          </span>
        )}
        {status === 'draft' && <span className="muted">{t('draftHint')}</span>}
        <span className="spacer" />
        {allowed('submit') && (
          <button type="button" className="button small" disabled={pending} onClick={() => void run('submit')}>
            {ta('submit')}
          </button>
        )}
        {allowed('sign_off') && (
          <button
            type="button"
            className="button primary small"
            disabled={pending || blockers.length > 0 || suggestions.length > 0}
            onClick={() => {
              if (window.confirm(t('confirm', { revision }))) void run('sign_off');
            }}
          >
            {ta('sign_off')}
          </button>
        )}
        {allowed('reopen') && !reopening && (
          <button type="button" className="button small" onClick={() => setReopening(true)}>
            {t('reopen')}
          </button>
        )}
        {latest && (
          <button type="button" className="button ghost small" onClick={() => void verify()}>
            {t('verify')}
          </button>
        )}
        <Link className="button ghost small" href={`/documents/${documentId}/activity`}>
          {t('activity')}
        </Link>
        <Link className="button ghost small" href={`/documents/${documentId}/report`}>
          {t('report')}
        </Link>
      </div>
      {status === 'in_review' && blockers.length > 0 && (
        <div className="blockers">
          <p>{t('blockersTitle')}</p>
          <ul>
            {blockers.map((b) => (
              <li key={b.id}>
                <button type="button" className="link-button" onClick={() => onSelectClaim(b.id)}>
                  {b.statement.length > 90 ? `${b.statement.slice(0, 89)}…` : b.statement}
                </button>{' '}
                <span className={`status-chip status-${b.status}`}>{statusLabel(b.status)}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      {status === 'in_review' && suggestions.length > 0 && (
        <div className="blockers">
          <p>{ts('blockersTitle')}</p>
          <ul>
            {suggestions.map((s) => (
              <li key={s.id}>
                <button type="button" className="link-button" onClick={() => onSelectSuggestion(s.id)}>
                  {s.kind === 'format' ? ts('formatting') : [s.before, s.after].filter(Boolean).join(' → ')}
                </button>{' '}
                <span className="muted">{authorName(s.authorId)}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      {hints && hints.list.length > 0 && <CheckworthyHints {...hints} />}
      {reopening && (
        <form
          className="reopen-form"
          onSubmit={(e) => {
            e.preventDefault();
            void run('reopen', reason.trim());
          }}
        >
          <label className="field">
            <span>{t('whyReopen', { next: revision + 1 })}</span>
            <input value={reason} onChange={(e) => setReason(e.target.value)} required maxLength={2000} autoFocus />
          </label>
          <button type="button" className="button ghost small" onClick={() => setReopening(false)}>
            {t('cancel')}
          </button>
          <button type="submit" className="button primary small" disabled={pending || !reason.trim()}>
            {t('reopenDocument')}
          </button>
        </form>
      )}
      {verification && (
        <p className={`verification ${verification.matches ? 'ok' : 'bad'}`} role="status">
          {verification.matches
            ? t('verified', { revision: verification.revision })
            : t('differs', { reopened: verification.reopened ? 'yes' : 'no', revision: verification.revision, signed: verification.signedHash.slice(0, 12), now: verification.currentHash.slice(0, 12) })}
        </p>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {signoffs.length > 0 && (
        <details className="signoff-history">
          <summary>{t('history', { count: signoffs.length })}</summary>
          <ol>
            {signoffs.map((s) => (
              <li key={s.id}>
                {t('historyItem', { revision: s.revision, name: s.signedByName ?? t('formerMember') })} <RelativeTime date={s.signedAt} />, SHA-256 <code>{s.hash}</code>
                {s.reopenedAt && (
                  <>
                    {' '}
                    {t('reopenedBy', { name: s.reopenedByName ?? t('formerMember') })} <RelativeTime date={s.reopenedAt} />: “{s.reopenReason}”
                  </>
                )}
              </li>
            ))}
          </ol>
        </details>
      )}
    </section>
  );
}
