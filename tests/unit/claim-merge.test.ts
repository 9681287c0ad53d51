import { describe, expect, it } from 'vitest';
import { mergeClaimFields, unsavedFields, type ClaimFields } from '@/lib/claims/merge';

const base: ClaimFields = { statement: 'S', claimant: '', claimDate: '', verdict: '', rationale: '', tags: 'a, b', assigneeId: '' };

describe('merging a colleague’s save into an open claim form', () => {
  it('takes their value for fields the user did not touch', () => {
    const { draft, conflicts } = mergeClaimFields(base, base, { ...base, claimant: 'Putin' }, {});
    expect(draft.claimant).toBe('Putin');
    expect(conflicts).toEqual({});
  });

  it('keeps what the user typed and offers theirs when both changed a field', () => {
    const { draft, conflicts } = mergeClaimFields(base, { ...base, rationale: 'mine' }, { ...base, rationale: 'theirs' }, {});
    expect(draft.rationale).toBe('mine');
    expect(conflicts).toEqual({ rationale: 'theirs' });
  });

  it('keeps what the user typed, without a conflict, when they did not change that field', () => {
    const { draft, conflicts } = mergeClaimFields(base, { ...base, rationale: 'mine' }, { ...base, verdict: 'false' }, {});
    expect(draft).toMatchObject({ rationale: 'mine', verdict: 'false' });
    expect(conflicts).toEqual({});
  });

  it('sees values the server stores alike as alike (trailing spaces, tag spacing)', () => {
    const { conflicts } = mergeClaimFields(base, { ...base, statement: 'New ', tags: 'a,b,c' }, { ...base, statement: 'New', tags: 'a, b, c' }, {});
    expect(conflicts).toEqual({});
  });

  it('counts the form’s own save coming back as no conflict, while what was typed since stays to be saved', () => {
    // The form sent rationale "abc"; the user typed on to "abcd"; the saved version arrives.
    const sent = { ...base, rationale: 'abc' };
    const { draft, conflicts } = mergeClaimFields(sent, { ...base, rationale: 'abcd' }, sent, {});
    expect(draft.rationale).toBe('abcd');
    expect(conflicts).toEqual({});
    expect(unsavedFields(sent, draft, conflicts)).toEqual(['rationale']);
  });
});

describe('what the claim form saves by itself', () => {
  it('is the changed fields, not those waiting for a choice between two versions', () => {
    const draft = { ...base, rationale: 'mine', claimant: 'Putin', tags: 'a,b' };
    expect(unsavedFields(base, draft, { rationale: 'theirs' })).toEqual(['claimant']);
    expect(unsavedFields(base, base, {})).toEqual([]);
  });
});
