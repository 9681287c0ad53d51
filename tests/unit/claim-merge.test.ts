import { describe, expect, it } from 'vitest';
import { mergeClaimFields, type ClaimFields } from '@/lib/claims/merge';

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
});
