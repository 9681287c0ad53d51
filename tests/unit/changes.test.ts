import { EditorState, TextSelection } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import { countChanges } from '@/lib/editor/changes';
import { schema } from '@/lib/editor/schema';

const doc = schema.node('doc', null, [schema.node('paragraph', null, [schema.text('Erster Satz. Zweiter Satz.')])]);

/** Types `text` one keystroke (one step) at a time at `pos`; returns the steps. */
function typing(state: EditorState, pos: number, text: string) {
  const steps = [];
  let s = state.apply(state.tr.setSelection(TextSelection.create(state.doc, pos)));
  for (const ch of text) {
    const tr = s.tr.insertText(ch);
    steps.push(...tr.steps);
    s = s.apply(tr);
  }
  return { steps, state: s };
}

describe('countChanges', () => {
  const start = EditorState.create({ doc });
  it('counts 2,000 keystrokes typed in one place as one change', () => {
    expect(countChanges(typing(start, 13, 'x'.repeat(2000)).steps)).toBe(1);
  });
  it('counts backspacing what was just typed as part of the same change', () => {
    const typed = typing(start, 13, 'abc');
    let s = typed.state;
    const steps = [...typed.steps];
    for (let i = 0; i < 2; i++) {
      const tr = s.tr.delete(s.selection.from - 1, s.selection.from);
      steps.push(...tr.steps);
      s = s.apply(tr);
    }
    expect(countChanges(steps)).toBe(1);
  });
  it('counts typing in three places as three changes, and bold as one more', () => {
    const a = typing(start, 1, 'Hallo ');
    const b = typing(a.state, a.state.doc.content.size - 1, ' Ende');
    const c = typing(b.state, 12, '!');
    const bold = c.state.tr.addMark(1, 6, schema.marks.strong!.create());
    expect(countChanges([...a.steps, ...b.steps, ...c.steps, ...bold.steps])).toBe(4);
  });
  it('counts nothing as nothing', () => {
    expect(countChanges([])).toBe(0);
  });
});
