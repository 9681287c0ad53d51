'use client';

import { useState } from 'react';
import { orNull } from '@/lib/format';
import { VERDICTS, type Verdict } from '@/db/enums';
import type { ClaimJSON } from '@/lib/claims/serialize';
import { verdictLabel } from '@/lib/claims/verdicts';
import { ClaimComments } from '../review/claim-comments';
import { ClaimHistory } from '../review/claim-history';
import { ClaimReview } from '../review/claim-review';
import type { Member } from '../review/review-context';
import { ApiError, sendJson } from './api';
import { fieldsOf, mergeClaimFields, type ClaimFieldName as FieldName, type ClaimFields as Fields } from '@/lib/claims/merge';
import { SourceList } from './source-list';

interface Props {
  claim: ClaimJSON;
  orphaned: boolean;
  members: Member[];
  canEdit: boolean;
  onSaved: (claim: ClaimJSON) => void;
  onDeleted: (id: string) => void;
  onReattach: (claim: ClaimJSON) => Promise<void>;
  /** Whether this claim was just saved here (the form keeps its fields and merges newer versions in). */
  justSaved: boolean;
  onSavedFlag: (saved: boolean) => void;
}


/** The selected claim: statement, claimant, date, verdict, rationale, tags, assignee, status and sources. */
export function ClaimDetails({ claim, orphaned, members, canEdit, onSaved, onDeleted, onReattach, justSaved, onSavedFlag }: Props) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  // The version the form started from, what the user has typed, and the other person's
  // values for fields both changed.
  const [base, setBase] = useState(() => ({ rowVersion: claim.rowVersion, fields: fieldsOf(claim) }));
  const [draft, setDraft] = useState(() => fieldsOf(claim));
  const [conflicts, setConflicts] = useState<Partial<Fields>>({});
  if (claim.rowVersion !== base.rowVersion) {
    // A newer version arrived (saved here or elsewhere): merge it, as React allows during render.
    const theirs = fieldsOf(claim);
    const merged = mergeClaimFields(base.fields, draft, theirs, conflicts);
    setBase({ rowVersion: claim.rowVersion, fields: theirs });
    setDraft(merged.draft);
    setConflicts(merged.conflicts);
  }
  const idp = `claim-${claim.id}`;
  const changedBy = members.find((m) => m.id === claim.lastChangedBy)?.name ?? 'Someone else';

  const edit = (name: FieldName) => (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) => {
    const value = e.target.value;
    setDraft((d) => ({ ...d, [name]: value }));
    if (justSaved) onSavedFlag(false);
  };
  const resolve = (name: FieldName, take: 'theirs' | 'mine') => {
    if (take === 'theirs') setDraft((d) => ({ ...d, [name]: conflicts[name] ?? d[name] }));
    setConflicts((c) => {
      const next = { ...c };
      delete next[name];
      return next;
    });
  };
  const conflictNote = (name: FieldName, label: (v: string) => string = (v) => v) =>
    conflicts[name] !== undefined ? (
      <div className="field-conflict" role="alert">
        <span>
          {changedBy} changed this to <q dir="auto">{label(conflicts[name]!) || '(empty)'}</q> while you were editing it.
        </span>
        <span className="actions">
          <button type="button" className="button ghost small" onClick={() => resolve(name, 'theirs')}>
            Use theirs
          </button>
          <button type="button" className="button ghost small" onClick={() => resolve(name, 'mine')}>
            Keep mine
          </button>
        </span>
      </div>
    ) : null;

  async function save(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (Object.keys(conflicts).length) {
      setError('Someone else changed fields you are editing: choose “Use theirs” or “Keep mine” for each marked field, then save.');
      return;
    }
    setPending(true);
    setError(null);
    try {
      const body = await sendJson<{ claim: ClaimJSON }>('PATCH', `/api/claims/${claim.id}`, {
        rowVersion: base.rowVersion,
        statement: draft.statement.trim(),
        claimant: orNull(draft.claimant),
        claimDate: orNull(draft.claimDate),
        verdict: (orNull(draft.verdict) as Verdict | null) ?? null,
        rationale: orNull(draft.rationale),
        tags: draft.tags
          .split(',')
          .map((t) => t.trim())
          .filter(Boolean),
        assigneeId: orNull(draft.assigneeId),
      });
      onSavedFlag(true);
      onSaved(body.claim);
    } catch (e) {
      const err = e as ApiError;
      // On a conflict, the other person's version is merged in and the differences shown.
      if (err.status === 409 && err.body?.error?.claim) {
        setError('Someone saved this claim meanwhile. Their changes are merged in; check the marked fields, then save again.');
        onSaved(err.body.error.claim as ClaimJSON);
      } else setError(err.message);
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
      <form className="stack compact" onSubmit={save}>
        <label className="field">
          <span>Claim as checked</span>
          <textarea name="statement" dir="auto" value={draft.statement} onChange={edit('statement')} rows={3} required maxLength={2000} disabled={disabled} />
        </label>
        {conflictNote('statement')}
        <div className="field-row">
          <label className="field">
            <span>Claimant</span>
            <input name="claimant" dir="auto" value={draft.claimant} onChange={edit('claimant')} maxLength={200} placeholder="Who said it" disabled={disabled} />
            {conflictNote('claimant')}
          </label>
          <label className="field">
            <span>Claim date</span>
            <input name="claimDate" type="date" value={draft.claimDate} onChange={edit('claimDate')} disabled={disabled} />
            {conflictNote('claimDate')}
          </label>
        </div>
        <label className="field">
          <span>Verdict</span>
          <select name="verdict" value={draft.verdict} onChange={edit('verdict')} disabled={disabled}>
            <option value="">No verdict yet</option>
            {VERDICTS.map((v) => (
              <option key={v} value={v}>
                {verdictLabel(v)}
              </option>
            ))}
          </select>
        </label>
        {conflictNote('verdict', (v) => (v ? verdictLabel(v as Verdict) : 'No verdict yet'))}
        <label className="field">
          <span>Rationale</span>
          <textarea name="rationale" dir="auto" value={draft.rationale} onChange={edit('rationale')} rows={4} maxLength={20000} disabled={disabled} placeholder="What the evidence shows" />
        </label>
        {conflictNote('rationale')}
        <div className="field-row">
          <label className="field">
            <span>Tags (comma-separated)</span>
            <input name="tags" value={draft.tags} onChange={edit('tags')} disabled={disabled} />
            {conflictNote('tags')}
          </label>
          <label className="field">
            <span>Assignee</span>
            <select name="assigneeId" value={draft.assigneeId} onChange={edit('assigneeId')} disabled={disabled}>
              <option value="">Unassigned</option>
              {members.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
            </select>
            {conflictNote('assigneeId', (v) => members.find((m) => m.id === v)?.name ?? 'Unassigned')}
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
