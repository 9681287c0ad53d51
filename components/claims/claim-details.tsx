'use client';

import { useState } from 'react';
import { orNull } from '@/lib/format';
import { VERDICTS, type Verdict } from '@/db/enums';
import type { ClaimJSON } from '@/lib/claims/serialize';
import { verdictLabel } from '@/lib/claims/verdicts';
import { ClaimComments } from '../review/claim-comments';
import { ClaimHistory } from '../review/claim-history';
import { ClaimReview } from '../review/claim-review';
import type { Member } from '../editor/document-workspace';
import { ApiError, sendJson } from './api';
import { SourceList } from './source-list';

interface Props {
  claim: ClaimJSON;
  orphaned: boolean;
  members: Member[];
  canEdit: boolean;
  onSaved: (claim: ClaimJSON) => void;
  onDeleted: (id: string) => void;
  onReattach: (claim: ClaimJSON) => Promise<void>;
  /** Whether this claim was just saved (the form remounts with the new row version). */
  justSaved: boolean;
  onSavedFlag: (saved: boolean) => void;
}


/** The selected claim: statement, claimant, date, verdict, rationale, tags, assignee, status and sources. */
export function ClaimDetails({ claim, orphaned, members, canEdit, onSaved, onDeleted, onReattach, justSaved, onSavedFlag }: Props) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const idp = `claim-${claim.id}`;

  async function save(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const f = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      const body = await sendJson<{ claim: ClaimJSON }>('PATCH', `/api/claims/${claim.id}`, {
        rowVersion: claim.rowVersion,
        statement: String(f.get('statement') ?? '').trim(),
        claimant: orNull(f.get('claimant')),
        claimDate: orNull(f.get('claimDate')),
        verdict: (orNull(f.get('verdict')) as Verdict | null) ?? null,
        rationale: orNull(f.get('rationale')),
        tags: String(f.get('tags') ?? '')
          .split(',')
          .map((t) => t.trim())
          .filter(Boolean),
        assigneeId: orNull(f.get('assigneeId')),
      });
      onSavedFlag(true);
      onSaved(body.claim);
    } catch (e) {
      const err = e as ApiError;
      setError(err.message);
      // On a conflict, show the other person's version.
      if (err.status === 409 && err.body?.error?.claim) onSaved(err.body.error.claim as ClaimJSON);
    } finally {
      setPending(false);
    }
  }

  async function remove() {
    if (!window.confirm('Delete this claim with its verdict and sources?')) return;
    try {
      await sendJson('DELETE', `/api/claims/${claim.id}`);
      onDeleted(claim.id);
    } catch (e) {
      setError((e as Error).message);
    }
  }

  async function reattach() {
    setError(null);
    try {
      await onReattach(claim);
    } catch (e) {
      setError((e as Error).message);
    }
  }

  const disabled = !canEdit;
  return (
    <div className="claim-details">
      {orphaned && (
        <div className="orphan-note" role="note">
          <p>
            The claimed text was deleted. The last quote was <q>{claim.quote.exact}</q>.
          </p>
          {canEdit && (
            <button type="button" className="button ghost small" onMouseDown={(e) => e.preventDefault()} onClick={reattach}>
              Re-attach to selected text
            </button>
          )}
        </div>
      )}
      <ClaimReview claim={claim} onChanged={onSaved} />
      {claim.status === 'approved' && canEdit && (
        <p className="muted small">Changing the statement, verdict, rationale or sources voids the approval.</p>
      )}
      <form className="stack compact" onSubmit={save} onChange={() => justSaved && onSavedFlag(false)}>
        <label className="field">
          <span>Claim as checked</span>
          <textarea name="statement" dir="auto" defaultValue={claim.statement} rows={3} required maxLength={2000} disabled={disabled} />
        </label>
        <div className="field-row">
          <label className="field">
            <span>Claimant</span>
            <input name="claimant" dir="auto" defaultValue={claim.claimant ?? ''} maxLength={200} placeholder="Who said it" disabled={disabled} />
          </label>
          <label className="field">
            <span>Claim date</span>
            <input name="claimDate" type="date" defaultValue={claim.claimDate ?? ''} disabled={disabled} />
          </label>
        </div>
        <label className="field">
          <span>Verdict</span>
          <select name="verdict" defaultValue={claim.verdict ?? ''} disabled={disabled}>
            <option value="">No verdict yet</option>
            {VERDICTS.map((v) => (
              <option key={v} value={v}>
                {verdictLabel(v)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Rationale</span>
          <textarea name="rationale" dir="auto" defaultValue={claim.rationale ?? ''} rows={4} maxLength={20000} disabled={disabled} placeholder="What the evidence shows" />
        </label>
        <div className="field-row">
          <label className="field">
            <span>Tags (comma-separated)</span>
            <input name="tags" defaultValue={claim.tags.join(', ')} disabled={disabled} />
          </label>
          <label className="field">
            <span>Assignee</span>
            <select name="assigneeId" defaultValue={claim.assigneeId ?? ''} disabled={disabled}>
              <option value="">Unassigned</option>
              {members.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
            </select>
          </label>
        </div>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        {canEdit && (
          <div className="actions">
            <button type="button" className="button danger small" onClick={remove}>
              Delete claim
            </button>
            <span className="spacer" />
            {justSaved && (
              <span className="muted" role="status">
                Saved
              </span>
            )}
            <button type="submit" className="button primary small" disabled={pending}>
              {pending ? 'Saving…' : 'Save claim'}
            </button>
          </div>
        )}
      </form>
      <SourceList claim={claim} canEdit={canEdit} onChanged={onSaved} idPrefix={idp} />
      <ClaimComments claimId={claim.id} />
      <ClaimHistory claimId={claim.id} revision={claim.rowVersion} />
    </div>
  );
}
