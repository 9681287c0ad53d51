/**
 * Merging a newer version of a claim into a form someone is editing: the rule the claim
 * form follows (components/claims/claim-details.tsx), kept here so it can be tested alone.
 */
import type { ClaimJSON } from './serialize';

export type ClaimFieldName = 'statement' | 'claimant' | 'claimDate' | 'verdict' | 'rationale' | 'tags' | 'assigneeId';
export type ClaimFields = Record<ClaimFieldName, string>;
export const CLAIM_FIELD_NAMES: ClaimFieldName[] = ['statement', 'claimant', 'claimDate', 'verdict', 'rationale', 'tags', 'assigneeId'];

/** A claim's editable fields as the form holds them (text; empty for none). */
export function fieldsOf(c: ClaimJSON): ClaimFields {
  return {
    statement: c.statement,
    claimant: c.claimant ?? '',
    claimDate: c.claimDate ?? '',
    verdict: c.verdict ?? '',
    rationale: c.rationale ?? '',
    tags: c.tags.join(', '),
    assigneeId: c.assigneeId ?? '',
  };
}

/** Whether the server would store two values of a field alike ("a,b" and "a, b "; trailing spaces). */
export function sameClaimField(k: ClaimFieldName, a: string, b: string): boolean {
  const tags = (v: string) => v.split(',').map((t) => t.trim()).filter(Boolean).join(',');
  return k === 'tags' ? tags(a) === tags(b) : a.trim() === b.trim();
}

/** The fields of `draft` that differ from `base` and are not waiting for a choice between two versions. */
export function unsavedFields(base: ClaimFields, draft: ClaimFields, conflicts: Partial<ClaimFields>): ClaimFieldName[] {
  return CLAIM_FIELD_NAMES.filter((k) => conflicts[k] === undefined && !sameClaimField(k, draft[k], base[k]));
}

/**
 * Merges a newer version of the claim (someone else saved it) into the form: fields the
 * user has not touched take the new value at once; a field the user is editing that the
 * other person changed too keeps the user's text and is marked with the other version, to
 * choose from. Nothing typed is ever replaced without asking.
 */
export function mergeClaimFields(base: ClaimFields, draft: ClaimFields, theirs: ClaimFields, conflicts: Partial<ClaimFields>): { draft: ClaimFields; conflicts: Partial<ClaimFields> } {
  const nextDraft = { ...draft };
  const nextConflicts: Partial<ClaimFields> = { ...conflicts };
  const same = sameClaimField;
  for (const k of CLAIM_FIELD_NAMES) {
    if (same(k, draft[k], base[k])) {
      nextDraft[k] = theirs[k];
      delete nextConflicts[k];
    } else if (same(k, theirs[k], draft[k])) {
      delete nextConflicts[k];
    } else if (!same(k, theirs[k], base[k])) {
      nextConflicts[k] = theirs[k];
    }
  }
  return { draft: nextDraft, conflicts: nextConflicts };
}
