/**
 * The browser's claims plugin keeps highlights on the server's words while local edits are
 * unconfirmed and remote steps arrive (the drift seen in two browsers typing above claims).
 */
import fc from 'fast-check';
import { collab, getVersion, receiveTransaction, sendableSteps } from 'prosemirror-collab';
import { EditorState } from 'prosemirror-state';
import { Step } from 'prosemirror-transform';
import { describe, expect, it } from 'vitest';
import { findText, mapAnchor, textOf, type StepChange } from '@/lib/claims/anchor';
import { StepHistory } from '@/lib/collab/step-history';
import { claimsConfirmKey, claimsPlugin, getClaimsState, initialClaimMark } from '@/lib/editor/claims-plugin';
import { textToDoc } from '@/lib/editor/import';

const DOC = textToDoc('Intro line one.\nThe mayor said the bridge will cost 48 million euros.\nClosing words.');

function editor(clientID: string) {
  const range = findText(DOC, '48 million euros')!;
  const mark = initialClaimMark({ id: 'c1', verdict: null, anchor: { ...range, orphaned: false, quote: { exact: '48 million euros', prefix: '', suffix: '' } } });
  return { state: EditorState.create({ doc: DOC, plugins: [collab({ version: 0, clientID }), claimsPlugin([mark])] }), history: new StepHistory(DOC, 0) };
}

const highlighted = (state: EditorState) => {
  const { from, to } = getClaimsState(state).claims.get('c1')!.anchor;
  return textOf(state.doc, from, to);
};

describe('claims plugin under concurrent typing', () => {
  it('keeps a claim on its words when a remote step arrives while a local one is unconfirmed', () => {
    const a = editor('a');
    const b = editor('b');
    a.state = a.state.apply(a.state.tr.insertText('x', 2));
    b.state = b.state.apply(b.state.tr.insertText('yy', 20));
    // The server takes B's step first; A receives it (a rebase over A's unconfirmed step).
    const bSteps = sendableSteps(b.state)!.steps;
    const changes = a.history.confirm(0, bSteps);
    a.state = a.state.apply(receiveTransaction(a.state, bSteps, ['b']).setMeta(claimsConfirmKey, { changes, confirmedDoc: a.history.confirmedDoc }));
    expect(highlighted(a.state)).toBe('48 million euros');
  });

  it('property: any interleaving of two editors’ typing and deleting above, around and inside keeps both on the server’s range', () => {
    const op = fc.record({ who: fc.constantFrom(0, 1), at: fc.nat(), del: fc.boolean(), text: fc.constantFrom('a', 'bc', ' ', 'ß') });
    fc.assert(
      fc.property(fc.array(fc.oneof(op, fc.constant('sync' as const)), { minLength: 1, maxLength: 30 }), (ops) => {
        const editors = [editor('a'), editor('b')];
        // The server: the confirmed steps, in order.
        const server = { doc: DOC, steps: [] as Step[], ids: [] as string[], changes: [] as StepChange[] };
        const sync = () => {
          // Each editor sends what it has, in turn; the other then receives everything.
          for (const [i, e] of editors.entries()) {
            const sendable = sendableSteps(e.state);
            if (sendable && sendable.version === server.steps.length) {
              for (const s of sendable.steps) {
                const after = s.apply(server.doc).doc!;
                server.changes.push({ map: s.getMap(), before: server.doc, after });
                server.doc = after;
                server.steps.push(s);
                server.ids.push(i === 0 ? 'a' : 'b');
              }
            }
            for (const other of editors) {
              const v = getVersion(other.state);
              if (v === server.steps.length) continue;
              const steps = server.steps.slice(v).map((s) => Step.fromJSON(DOC.type.schema, s.toJSON()));
              const changes = other.history.confirm(v, steps);
              other.state = other.state.apply(receiveTransaction(other.state, steps, server.ids.slice(v)).setMeta(claimsConfirmKey, { changes, confirmedDoc: other.history.confirmedDoc }));
            }
          }
        };
        for (const o of ops) {
          if (o === 'sync') {
            sync();
            continue;
          }
          const e = editors[o.who]!;
          const size = e.state.doc.content.size;
          const pos = 1 + (o.at % (size - 1));
          const $pos = e.state.doc.resolve(pos);
          if (!$pos.parent.isTextblock) continue;
          if (o.del) {
            const end = Math.min(pos + 2, $pos.end());
            if (end > pos) e.state = e.state.apply(e.state.tr.delete(pos, end));
          } else e.state = e.state.apply(e.state.tr.insertText(o.text, pos));
        }
        sync();
        sync();
        // Both editors are confirmed and equal; the claim sits on the same range in both,
        // and that range is what the server's mapping of the claim gives.
        expect(editors[0]!.state.doc.eq(editors[1]!.state.doc)).toBe(true);
        const [a, b] = editors.map((e) => getClaimsState(e.state).claims.get('c1')!.anchor);
        const expected = mapAnchor(editor('s').state.plugins.length ? getClaimsState(editor('s').state).claims.get('c1')!.anchor : a!, server.changes);
        expect({ from: a!.from, to: a!.to, orphaned: a!.orphaned }).toEqual({ from: expected.from, to: expected.to, orphaned: expected.orphaned });
        expect({ from: b!.from, to: b!.to, orphaned: b!.orphaned }).toEqual({ from: expected.from, to: expected.to, orphaned: expected.orphaned });
      }),
      { numRuns: 500 },
    );
  });
});
