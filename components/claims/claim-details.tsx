'use client';

import { SimilarClaims } from './similar-claims';
import { useCallback, useEffect, useRef, useState } from 'react';
import { orNull } from '@/lib/format';
import { VERDICTS, type Verdict } from '@/db/enums';
import type { ClaimJSON } from '@/lib/claims/serialize';
import { useTranslations } from 'next-intl';
import { useVerdictLabel } from './labels';
import { ClaimComments } from '../review/claim-comments';
import { ClaimHistory } from '../review/claim-history';
import { ClaimReview } from '../review/claim-review';
import type { Member } from '../review/review-context';
import { ApiError, sendJson } from './api';
import { fieldsOf, mergeClaimFields, unsavedFields, type ClaimFieldName as FieldName, type ClaimFields as Fields } from '@/lib/claims/merge';
import { SourceList } from './source-list';

interface Props {
  claim: ClaimJSON;
  orphaned: boolean;
  members: Member[];
  canEdit: boolean;
  onSaved: (claim: ClaimJSON) => void;
  onDeleted: (id: string) => void;
  onReattach: (claim: ClaimJSON) => Promise<void>;
}

/** How long the form waits after the last change before it saves. */
export const AUTOSAVE_DELAY_MS = 800;
/** How long it waits before trying again when Factdesk could not be reached. */
const RETRY_DELAY_MS = 5000;

/** The API body that sets `names` of a claim to the form's values. */
function patchOf(draft: Fields, names: readonly FieldName[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of names) {
    const value = draft[name];
    if (name === 'statement') out.statement = value.trim();
    else if (name === 'tags') out.tags = value.split(',').map((t) => t.trim()).filter(Boolean);
    else if (name === 'verdict') out.verdict = (orNull(value) as Verdict | null) ?? null;
    else out[name] = orNull(value);
  }
  return out;
}

/**
 * The selected claim: statement, claimant, date, verdict, rationale, tags, assignee, status
 * and sources. Fields save as you go (AUTOSAVE_DELAY_MS after the last change, only the
 * changed ones, with the claim's rowVersion); a newer version from someone else is merged
 * in: fields you did not touch follow it, a field you both changed shows both versions.
 */
export function ClaimDetails({ claim, orphaned, members, canEdit, onSaved, onDeleted, onReattach }: Props) {
  const t = useTranslations('claim');
  const verdictLabel = useVerdictLabel();
  const [error, setError] = useState<string | null>(null);
  // The version the form started from, what the user has typed, the other person's values
  // for fields both changed, and the values of a save on its way.
  const [base, setBase] = useState(() => ({ rowVersion: claim.rowVersion, fields: fieldsOf(claim) }));
  const [draft, setDraft] = useState(() => fieldsOf(claim));
  const [conflicts, setConflicts] = useState<Partial<Fields>>({});
  const [sending, setSending] = useState<Partial<Fields> | null>(null);
  const [saved, setSaved] = useState(false);
  const [attempt, setAttempt] = useState(0);
  if (claim.rowVersion > base.rowVersion) {
    // A newer version arrived: merge it, as React allows during render. Values being sent
    // count as the base, so this form's own save coming back is no conflict with itself.
    const theirs = fieldsOf(claim);
    const merged = mergeClaimFields({ ...base.fields, ...sending }, draft, theirs, conflicts);
    setBase({ rowVersion: claim.rowVersion, fields: theirs });
    setDraft(merged.draft);
    setConflicts(merged.conflicts);
  }
  const unsaved = unsavedFields(base.fields, draft, conflicts);
  const statementMissing = !draft.statement.trim();
  const latest = useRef({ base, draft, conflicts });
  useEffect(() => {
    latest.current = { base, draft, conflicts };
  });
  const idp = `claim-${claim.id}`;
  const changedBy = members.find((m) => m.id === claim.lastChangedBy)?.name ?? t('someoneElse');

  /** Sends the changed fields now (unless a save is already on its way). */
  const save = useCallback(async () => {
    const { base, draft, conflicts } = latest.current;
    const names = unsavedFields(base.fields, draft, conflicts);
    if (!names.length || !draft.statement.trim()) return;
    const values = Object.fromEntries(names.map((n) => [n, draft[n]])) as Partial<Fields>;
    setSending(values);
    setError(null);
    try {
      const body = await sendJson<{ claim: ClaimJSON }>('PATCH', `/api/claims/${claim.id}`, { rowVersion: base.rowVersion, ...patchOf(draft, names) });
      // The server now holds what was sent; what was typed meanwhile stays to be saved.
      setBase((b) => (body.claim.rowVersion > b.rowVersion ? { rowVersion: body.claim.rowVersion, fields: fieldsOf(body.claim) } : b));
      setSaved(true);
      onSaved(body.claim);
    } catch (e) {
      const err = e as ApiError;
      if (err.status === 409 && err.body?.error?.claim) {
        // Someone saved first: their version is merged in (fields both changed are marked)
        // and what remains is saved again by itself.
        onSaved(err.body.error.claim as ClaimJSON);
      } else if (err.status === 0) {
        setError(t('notSavedYet', { message: err.message }));
        setTimeout(() => setAttempt((a) => a + 1), RETRY_DELAY_MS);
      } else setError(t('notSaved', { message: err.message }));
    } finally {
      setSending(null);
    }
  }, [claim.id, onSaved, t]);

  // Save as you go: a moment after the last change.
  useEffect(() => {
    if (!canEdit || sending || unsaved.length === 0 || statementMissing) return;
    const timer = setTimeout(() => void save(), AUTOSAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [canEdit, sending, unsaved.length, statementMissing, draft, base, attempt, save]);

  // Closing the claim (or the page) does not lose what was typed: it goes out at once.
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      const { base, draft, conflicts } = latest.current;
      if (unsavedFields(base.fields, draft, conflicts).length) event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => {
      window.removeEventListener('beforeunload', warn);
      const { base, draft, conflicts } = latest.current;
      const names = unsavedFields(base.fields, draft, conflicts);
      if (canEdit && names.length && draft.statement.trim()) {
        void sendJson('PATCH', `/api/claims/${claim.id}`, { rowVersion: base.rowVersion, ...patchOf(draft, names) }, { keepalive: true }).catch(() => undefined);
      }
    };
  }, [claim.id, canEdit]);

  const edit = (name: FieldName) => (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) => {
    const value = e.target.value;
    setDraft((d) => ({ ...d, [name]: value }));
    setSaved(false);
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
          {t.rich('conflict', { name: changedBy, value: label(conflicts[name]!) || t('empty'), q: (chunks) => <q dir="auto">{chunks}</q> })}
        </span>
        <span className="actions">
          <button type="button" className="button ghost small" onClick={() => resolve(name, 'theirs')}>
            {t('useTheirs')}
          </button>
          <button type="button" className="button ghost small" onClick={() => resolve(name, 'mine')}>
            {t('keepMine')}
          </button>
        </span>
      </div>
    ) : null;

  function saveNow(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (Object.keys(conflicts).length) {
      setError(t('chooseConflicts'));
      return;
    }
    if (statementMissing) {
      setError(t('statementFirst'));
      return;
    }
    if (unsaved.length === 0) setSaved(true);
    else void save();
  }

  const saveStatus = sending
    ? t('saving')
    : Object.keys(conflicts).length
      ? t('waitingChoice')
      : unsaved.length
        ? statementMissing
          ? t('statementEmpty')
          : t('unsaved')
        : saved
          ? t('saved')
          : '';

  async function remove() {
    if (!window.confirm(t('confirmDelete'))) return;
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
            {t.rich('orphaned', { quote: claim.quote.exact, q: (chunks) => <q>{chunks}</q> })}
          </p>
          {canEdit && (
              <button type="button" className="button ghost small" onMouseDown={(e) => e.preventDefault()} onClick={reattach}>
                {t('reattach')}
              </button>
          )}
        </div>
      )}
      <ClaimReview claim={claim} onChanged={onSaved} />
      {claim.status === 'approved' && canEdit && (
        <p className="muted small">{t('voidsApproval')}</p>
      )}
      {!canEdit && <ClaimReadView claim={claim} members={members} />}
      {canEdit && (
        <form className="stack compact" onSubmit={saveNow}>
          <label className="field">
            <span>{t('statement')}</span>
            <textarea name="statement" dir="auto" value={draft.statement} onChange={edit('statement')} rows={3} required maxLength={2000} disabled={disabled} />
          </label>
          {conflictNote('statement')}
          <div className="field-row">
            <label className="field">
              <span>{t('claimant')}</span>
              <input name="claimant" dir="auto" value={draft.claimant} onChange={edit('claimant')} maxLength={200} placeholder={t('claimantPlaceholder')} disabled={disabled} />
              {conflictNote('claimant')}
            </label>
            <label className="field">
              <span>{t('claimDate')}</span>
              <input name="claimDate" type="date" value={draft.claimDate} onChange={edit('claimDate')} disabled={disabled} />
              {conflictNote('claimDate')}
            </label>
          </div>
          <label className="field">
            <span>{t('verdict')}</span>
            <select name="verdict" value={draft.verdict} onChange={edit('verdict')} disabled={disabled}>
              <option value="">{verdictLabel(null)}</option>
              {VERDICTS.map((v) => (
                <option key={v} value={v}>
                  {verdictLabel(v)}
                </option>
              ))}
            </select>
          </label>
          {conflictNote('verdict', (v) => verdictLabel((v || null) as Verdict | null))}
          <label className="field">
            <span>{t('rationale')}</span>
            <textarea name="rationale" dir="auto" value={draft.rationale} onChange={edit('rationale')} rows={4} maxLength={20000} disabled={disabled} placeholder={t('rationalePlaceholder')} />
          </label>
          {conflictNote('rationale')}
          <div className="field-row">
            <label className="field">
              <span>{t('tags')}</span>
              <input name="tags" value={draft.tags} onChange={edit('tags')} disabled={disabled} />
              {conflictNote('tags')}
            </label>
            <label className="field">
              <span>{t('assignee')}</span>
              <select name="assigneeId" value={draft.assigneeId} onChange={edit('assigneeId')} disabled={disabled}>
                <option value="">{t('unassigned')}</option>
                {members
                  .filter((m) => m.canWork !== false || m.id === draft.assigneeId)
                  .map((m) => (
                    <option key={m.id} value={m.id}>
                      {m.name}
                    </option>
                  ))}
              </select>
              {conflictNote('assigneeId', (v) => members.find((m) => m.id === v)?.name ?? t('unassigned'))}
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
                {t('delete')}
              </button>
              <span className="spacer" />
              <span className="muted small" role="status">
                {saveStatus}
              </span>
              <button type="submit" className="button primary small" disabled={!!sending}>
                {t('save')}
              </button>
            </div>
        )}
      </form>
      )}
      <SimilarClaims claimId={claim.id} statement={claim.statement} canEdit={canEdit} onChanged={onSaved} />
      <SourceList claim={claim} canEdit={canEdit} onChanged={onSaved} idPrefix={idp} />
      <ClaimComments claimId={claim.id} />
      <ClaimHistory claimId={claim.id} revision={claim.rowVersion} />
    </div>
  );
}

/** What a viewer sees of a claim: its fields as text, not a form they cannot use. */
function ClaimReadView({ claim, members }: { claim: ClaimJSON; members: Member[] }) {
  const t = useTranslations('claim');
  const verdictLabel = useVerdictLabel();
  const none = <span className="muted">—</span>;
  return (
    <dl className="claim-read">
      <dt>{t('statement')}</dt>
      <dd dir="auto">{claim.statement || none}</dd>
      <dt>{t('claimant')}</dt>
      <dd dir="auto">{claim.claimant || none}</dd>
      <dt>{t('claimDate')}</dt>
      <dd>{claim.claimDate || none}</dd>
      <dt>{t('verdict')}</dt>
      <dd>{verdictLabel(claim.verdict)}</dd>
      <dt>{t('rationale')}</dt>
      <dd dir="auto" className="rationale">{claim.rationale || none}</dd>
      <dt>{t('tagsRead')}</dt>
      <dd>{claim.tags.length ? claim.tags.join(', ') : none}</dd>
      <dt>{t('assignee')}</dt>
      <dd>{claim.assigneeId ? (members.find((m) => m.id === claim.assigneeId)?.name ?? t('formerMember')) : t('unassigned')}</dd>
    </dl>
  );
}
