/**
 * Every document the schema allows passes the gate: as a document, as steps that build it,
 * and as plain JSON that React can hand to the editor page.
 */
import fc from 'fast-check';
import { Slice } from 'prosemirror-model';
import { ReplaceStep, Step } from 'prosemirror-transform';
import { describe, expect, it } from 'vitest';
import { applySteps } from '@/lib/collab/apply-steps';
import { docJSON, documentProblem, schema } from '@/lib/editor/schema';
import { arbitraryDoc } from '../support/arbitrary-doc';

const isPlain = (value: unknown): boolean => {
  if (Array.isArray(value)) return value.every(isPlain);
  if (value && typeof value === 'object') return Object.getPrototypeOf(value) === Object.prototype && Object.values(value).every(isPlain);
  return true;
};

describe('documents the schema allows', () => {
  it('pass the gate as documents and as the step that inserts them, and serialise to plain JSON', () => {
    const empty = schema.node('doc', null, [schema.node('paragraph')]);
    fc.assert(
      fc.property(arbitraryDoc, (doc) => {
        expect(documentProblem(doc)).toBeNull();
        const json = docJSON(doc);
        expect(isPlain(json)).toBe(true);
        expect(schema.nodeFromJSON(json).eq(doc)).toBe(true);
        // Sent over the wire as a step, as a paste of the whole article would be.
        const step = Step.fromJSON(schema, new ReplaceStep(0, empty.content.size, new Slice(doc.content, 0, 0)).toJSON());
        expect(applySteps(empty, [step]).doc.eq(doc)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
