/**
 * The authority applies runs of steps inside a window of neighbouring paragraphs
 * (lib/collab/apply-steps.ts). Whatever the steps, the outcome must be exactly what
 * applying them one by one to the whole article gives: the same document, the same
 * documents before and after every step, and the same first failing step with the same
 * reason.
 */
import fc from 'fast-check';
import type { Node as PMNode } from 'prosemirror-model';
import { Fragment, Slice } from 'prosemirror-model';
import { DocAttrStep, liftTarget, ReplaceStep, Step, Transform, findWrapping } from 'prosemirror-transform';
import { describe, expect, it } from 'vitest';
import { applySteps, StepApplyError } from '@/lib/collab/apply-steps';
import { MAX_DEPTH, schema } from '@/lib/editor/schema';

type Op =
  | { kind: 'type'; at: number; text: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'split'; at: number }
  | { kind: 'join'; at: number }
  | { kind: 'mark'; at: number; length: number; mark: 'strong' | 'em' }
  | { kind: 'heading'; at: number; level: number }
  | { kind: 'wrap'; at: number }
  | { kind: 'lift'; at: number }
  | { kind: 'docAttr' }
  | { kind: 'bad'; from: number; to: number; open: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('type' as const), at: fc.nat(), text: fc.string({ minLength: 1, maxLength: 4 }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 300 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('split' as const), at: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('join' as const), at: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('mark' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 80 }), mark: fc.constantFrom('strong' as const, 'em' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('heading' as const), at: fc.nat(), level: fc.integer({ min: 1, max: 4 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('wrap' as const), at: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('lift' as const), at: fc.nat() }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'docAttr' as const }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('bad' as const), from: fc.integer({ min: -5, max: 3000 }), to: fc.integer({ min: -5, max: 3000 }), open: fc.integer({ min: 0, max: 2 }) }) },
);

function article(paragraphs: string[]): PMNode {
  return schema.node(
    'doc',
    null,
    paragraphs.map((text) => schema.node('paragraph', null, text ? [schema.text(text)] : [])),
  );
}

/** Turns the operations into steps, made one after another on the whole article. */
function stepsFor(doc: PMNode, ops: Op[]): Step[] {
  const tr = new Transform(doc);
  for (const o of ops) {
    const size = tr.doc.content.size;
    try {
      switch (o.kind) {
        case 'type':
          tr.insert(1 + (o.at % Math.max(1, size - 1)), schema.text(o.text));
          break;
        case 'delete': {
          const from = o.at % size;
          tr.delete(from, Math.min(size, from + o.length));
          break;
        }
        case 'split':
          tr.split(1 + (o.at % Math.max(1, size - 1)));
          break;
        case 'join':
          tr.join(o.at % size);
          break;
        case 'mark': {
          const from = o.at % size;
          tr.addMark(from, Math.min(size, from + o.length), schema.marks[o.mark]!.create());
          break;
        }
        case 'heading': {
          const $pos = tr.doc.resolve(o.at % size);
          tr.setNodeMarkup($pos.before(1), schema.nodes.heading, { level: o.level });
          break;
        }
        case 'wrap': {
          const $pos = tr.doc.resolve(o.at % size);
          const range = $pos.blockRange();
          const wrapping = range && findWrapping(range, schema.nodes.bullet_list);
          if (range && wrapping) tr.wrap(range, wrapping);
          break;
        }
        case 'lift': {
          const range = tr.doc.resolve(o.at % size).blockRange();
          const target = range && liftTarget(range);
          if (range && target != null) tr.lift(range, target);
          break;
        }
        case 'docAttr':
          // Not a step the window takes: applied to the whole article.
          tr.step(new DocAttrStep('lang', 'de'));
          break;
        case 'bad': {
          const content = Fragment.from(schema.node('paragraph', null, [schema.text('x')]));
          tr.steps.push(new ReplaceStep(o.from, o.to, new Slice(content, o.open, o.open)));
          return tr.steps;
        }
      }
    } catch {
      // An operation that does not fit the document here is skipped.
    }
  }
  return tr.steps;
}

/** Steps applied one by one to the whole article: every document, or the first failure. */
function oneByOne(doc: PMNode, steps: Step[]): { docs: PMNode[]; failure: { index: number; reason: string } | null } {
  const docs = [doc];
  for (let i = 0; i < steps.length; i++) {
    let result;
    try {
      result = steps[i]!.apply(docs[i]!);
    } catch (e) {
      return { docs, failure: { index: i, reason: (e as Error).message } };
    }
    if (!result.doc) return { docs, failure: { index: i, reason: result.failed ?? '' } };
    docs.push(result.doc);
  }
  return { docs, failure: null };
}

describe('applySteps (steps applied inside a window of the article)', () => {
  it('gives the same documents and the same failures as applying every step to the whole article', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ maxLength: 30 }), { minLength: 1, maxLength: 80 }),
        fc.array(op, { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 1, max: 8 }),
        (paragraphs, ops, minChildren) => {
          const doc = article(paragraphs);
          const steps = stepsFor(doc, ops);
          const expected = oneByOne(doc, steps);
          let outcome: ReturnType<typeof applySteps> | null = null;
          let failure: { index: number; reason: string } | null = null;
          try {
            // The window's mechanics alone: the schema's gate is tested below.
            outcome = applySteps(doc, steps, minChildren, { check: false });
          } catch (e) {
            if (!(e instanceof StepApplyError)) throw e;
            failure = { index: e.index, reason: e.reason };
          }
          expect(failure).toEqual(expected.failure);
          if (!outcome) return;
          expect(outcome.doc.eq(expected.docs.at(-1)!)).toBe(true);
          outcome.changes.forEach((change, i) => {
            expect(change.before.eq(expected.docs[i]!)).toBe(true);
            expect(change.after.eq(expected.docs[i + 1]!)).toBe(true);
            expect(change.map).toEqual(steps[i]!.getMap());
          });
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('keeps typing in a long article inside one window, and splices it back', () => {
    const doc = article(Array.from({ length: 3000 }, (_, i) => `Paragraph ${i}.`));
    const tr = new Transform(doc);
    const at = doc.content.size / 2 + 3;
    for (let i = 0; i < 200; i++) tr.insert(at + i, schema.text('a'));
    tr.split(at + 100);
    const { doc: after } = applySteps(doc, tr.steps);
    expect(after.eq(tr.doc)).toBe(true);
    expect(after.childCount).toBe(3001);
  });

  it('names the first step that does not apply', () => {
    const doc = article(Array.from({ length: 100 }, () => 'Text'));
    const tr = new Transform(doc);
    tr.insert(3, schema.text('ok'));
    const bad = new ReplaceStep(10_000, 10_001, Slice.empty);
    let error: unknown = null;
    try {
      applySteps(doc, [...tr.steps, bad]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(StepApplyError);
    expect(error).toMatchObject({ index: 1, reason: expect.stringContaining('10000') });
  });

  describe('the schema’s gate', () => {
    const doc = article(['Alpha beta gamma.', 'Second paragraph.']);
    const refused = (json: unknown) => {
      // Either parsing refuses it (Step.fromJSON validates mark attributes) or applying does.
      let error: unknown = null;
      try {
        applySteps(doc, [Step.fromJSON(schema, json)]);
      } catch (e) {
        error = e;
      }
      return error && { refused: true, reason: (error as StepApplyError).reason ?? (error as Error).message };
    };

    it('refuses a replacement whose range runs backwards (it would duplicate text)', () => {
      expect(refused({ stepType: 'replace', from: 10, to: 3 })).toMatchObject({ refused: true });
      expect(refused({ stepType: 'replace', from: 3, to: 10 })).toBeNull();
    });

    it('refuses positions outside the document', () => {
      expect(refused({ stepType: 'replace', from: -1, to: 2 })).toMatchObject({ refused: true });
      expect(refused({ stepType: 'addMark', from: 0, to: 500, mark: { type: 'em' } })).toMatchObject({ refused: true });
      expect(refused({ stepType: 'attr', pos: 9999, attr: 'level', value: 2 })).toMatchObject({ refused: true });
    });

    it('refuses javascript: links and attributes outside their ranges', () => {
      expect(refused({ stepType: 'addMark', from: 1, to: 6, mark: { type: 'link', attrs: { href: 'javascript:alert(1)' } } })).toMatchObject({ reason: expect.stringContaining('link') });
      expect(refused({ stepType: 'addMark', from: 1, to: 6, mark: { type: 'link', attrs: { href: 'https://example.org' } } })).toBeNull();
      const heading = (level: unknown) => ({ stepType: 'replaceAround', from: 0, to: 19, gapFrom: 1, gapTo: 18, insert: 1, structure: true, slice: { content: [{ type: 'heading', attrs: { level } }] } });
      expect(refused(heading(2))).toBeNull();
      for (const level of [-5, 0, 7, 1e21, 2.5, '2', null]) expect(refused(heading(level)), String(level)).toMatchObject({ refused: true });
      expect(refused({ stepType: 'attr', pos: 0, attr: 'level', value: 99 })).toMatchObject({ refused: true });
      const list = (order: unknown) => ({
        stepType: 'replace',
        from: 19,
        to: 19,
        slice: { content: [{ type: 'ordered_list', attrs: { order }, content: [{ type: 'list_item', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x' }] }] }] }] },
      });
      expect(refused(list(3))).toBeNull();
      expect(refused(list(-1))).toMatchObject({ refused: true });
      expect(refused(list(1e9))).toMatchObject({ refused: true });
    });

    it('refuses text with a NUL or a lone surrogate, and step types the editor never sends', () => {
      const text = (t: string) => ({ stepType: 'replace', from: 3, to: 3, slice: { content: [{ type: 'text', text: t }] } });
      expect(refused(text('ok 😀'))).toBeNull();
      expect(refused(text('a\u0000b'))).toMatchObject({ refused: true });
      expect(refused(text('a\uD800b'))).toMatchObject({ refused: true });
      expect(refused({ stepType: 'docAttr', attr: 'x', value: 1 })).toMatchObject({ refused: true });
    });

    it('refuses blocks nested deeper than the limit, by one deep slice or by many wrapping steps', () => {
      let deep: unknown = { type: 'paragraph', content: [{ type: 'text', text: 'deep' }] };
      for (let i = 0; i < 1500; i++) deep = { type: 'blockquote', content: [deep] };
      expect(refused({ stepType: 'replace', from: 19, to: 19, slice: { content: [deep] } })).toMatchObject({ refused: true });
      const tr = new Transform(doc);
      for (let i = 0; i < MAX_DEPTH + 2; i++) tr.wrap(tr.doc.resolve(1).blockRange()!, [{ type: schema.nodes.blockquote! }]);
      expect(() => applySteps(doc, tr.steps)).toThrow(StepApplyError);
      expect(() => applySteps(doc, tr.steps.slice(0, 3))).not.toThrow();
    });
  });
});
