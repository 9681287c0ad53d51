'use client';

/**
 * The document's review bar: its status and revision, what still blocks a sign-off (live,
 * from the claims in the editor, by the same rule the server applies), the actions the
 * reader may take (submit, sign off, reopen with a reason), the sign-off record with its
 * SHA-256 and a "Verify" that recomputes it on the server.
 */
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { ClaimJSON } from '@/lib/claims/serialize';
import { CLAIM_STATUS_LABELS } from '@/lib/claims/verdicts';
import type { serializeSignoff } from '@/lib/workflow/commands';
import { DOCUMENT_ACTION_LABELS, documentRefusal, signoffBlockers, type DocumentAction } from '@/lib/workflow/rules';
import { sendJson } from '../claims/api';
import { StatusBadge } from '../ui/status-badge';
import { RelativeTime } from '../ui/relative-time';
import { useReview } from './review-context';

export type SignoffJSON = ReturnType<typeof serializeSignoff>;

interface Props {
  revision: number;
  claims: Map<string, ClaimJSON>;
  signoffs: SignoffJSON[];
  onSelectClaim: (id: string) => void;
}

type Verification = { matches: boolean; currentHash: string; signedHash: string; revision: number; reopened: boolean };

export function SignoffPanel({ revision, claims, signoffs, onSelectClaim }: Props) {
  const { documentId, documentStatus: status, role } = useReview();
  const router = useRouter();
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
    <section className={`signoff-panel status-${status}`} aria-label="Review and sign-off">
      <div className="signoff-row">
        <StatusBadge status={status} />
        <span className="muted">Revision {revision}</span>
        {status === 'signed_off' && latest && (
          <span className="signoff-summary" role="status">
            Signed off by {latest.signedByName ?? 'a former member'}, <RelativeTime date={latest.signedAt} /> · SHA-256{' '}
            <code title={latest.hash}>{latest.hash.slice(0, 16)}…</code>{' '}
            <button type="button" className="link-button" onClick={() => void navigator.clipboard?.writeText(latest.hash).then(() => setCopied(true), () => undefined)} aria-label="Copy the SHA-256 fingerprint">
              {copied ? 'Copied' : 'Copy'}
            </button>
            . The text and claims are locked.
          </span>
        )}
        {status === 'in_review' && (
          <span className="muted">
            {blockers.length === 0
              ? 'Every claim is approved or dismissed: ready to sign off.'
              : `${blockers.length} ${blockers.length === 1 ? 'claim still blocks' : 'claims still block'} the sign-off.`}
          </span>
        )}
        {status === 'draft' && <span className="muted">Submit the document when its claims are ready for review.</span>}
        <span className="spacer" />
        {allowed('submit') && (
          <button type="button" className="button small" disabled={pending} onClick={() => void run('submit')}>
            {DOCUMENT_ACTION_LABELS.submit}
          </button>
        )}
        {allowed('sign_off') && (
          <button
            type="button"
            className="button primary small"
            disabled={pending || blockers.length > 0}
            onClick={() => {
              if (window.confirm(`Sign off revision ${revision}? The text, the claims and the document's details lock, and the report's SHA-256 fingerprint is fixed. An editor can reopen it later.`)) void run('sign_off');
            }}
          >
            {DOCUMENT_ACTION_LABELS.sign_off}
          </button>
        )}
        {allowed('reopen') && !reopening && (
          <button type="button" className="button small" onClick={() => setReopening(true)}>
            Reopen…
          </button>
        )}
        {latest && (
          <button type="button" className="button ghost small" onClick={() => void verify()}>
            Verify
          </button>
        )}
        <Link className="button ghost small" href={`/documents/${documentId}/activity`}>
          Activity
        </Link>
        <Link className="button ghost small" href={`/documents/${documentId}/report`}>
          Report
        </Link>
      </div>
      {status === 'in_review' && blockers.length > 0 && (
        <div className="blockers">
          <p>Still blocking the sign-off (each claim must be approved or dismissed):</p>
          <ul>
            {blockers.map((b) => (
              <li key={b.id}>
                <button type="button" className="link-button" onClick={() => onSelectClaim(b.id)}>
                  {b.statement.length > 90 ? `${b.statement.slice(0, 89)}…` : b.statement}
                </button>{' '}
                <span className={`status-chip status-${b.status}`}>{CLAIM_STATUS_LABELS[b.status]}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      {reopening && (
        <form
          className="reopen-form"
          onSubmit={(e) => {
            e.preventDefault();
            void run('reopen', reason.trim());
          }}
        >
          <label className="field">
            <span>Why reopen? (starts revision {revision + 1}; the sign-off stays in the history)</span>
            <input value={reason} onChange={(e) => setReason(e.target.value)} required maxLength={2000} autoFocus />
          </label>
          <button type="button" className="button ghost small" onClick={() => setReopening(false)}>
            Cancel
          </button>
          <button type="submit" className="button primary small" disabled={pending || !reason.trim()}>
            Reopen document
          </button>
        </form>
      )}
      {verification && (
        <p className={`verification ${verification.matches ? 'ok' : 'bad'}`} role="status">
          {verification.matches
            ? `Verified: the document and its claims are exactly as signed off in revision ${verification.revision}.`
            : `${verification.reopened ? 'Reopened since the sign-off: ' : 'Warning: '}the document or its claims differ from the sign-off of revision ${verification.revision} (signed ${verification.signedHash.slice(0, 12)}…, now ${verification.currentHash.slice(0, 12)}…).`}
        </p>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {signoffs.length > 0 && (
        <details className="signoff-history">
          <summary>Sign-off history ({signoffs.length})</summary>
          <ol>
            {signoffs.map((s) => (
              <li key={s.id}>
                Revision {s.revision}: signed off by {s.signedByName ?? 'a former member'}, <RelativeTime date={s.signedAt} />, SHA-256 <code>{s.hash}</code>
                {s.reopenedAt && (
                  <>
                    {' '}
                    — reopened by {s.reopenedByName ?? 'a former member'}, <RelativeTime date={s.reopenedAt} />: “{s.reopenReason}”
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
