/**
 * Check-worthiness hints in the editor: a bar in the margin beside each paragraph that holds a
 * hinted sentence, and a faint dotted underline under the sentence (not a claim, not in any
 * export). The bar is the block's own border: the editor's blocks contain their paint
 * (content-visibility), so nothing drawn outside them would show.
 * The hints are computed outside (components/editor/use-checkworthy-hints.ts) and set with
 * `setMeta(checkworthyKey, hints)`; edits map them until the next computation.
 */
import { Plugin, PluginKey, type EditorState } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';

export interface Hint {
  from: number;
  to: number;
  key: string;
  /** The reasons, already worded for the reader ("number, comparison"). */
  label: string;
}

export const checkworthyKey = new PluginKey<DecorationSet>('checkworthy');

function decorations(state: EditorState, hints: Hint[]): DecorationSet {
  const size = state.doc.content.size;
  const decos: Decoration[] = [];
  const blocks = new Map<number, { end: number; labels: string[] }>();
  for (const h of hints) {
    if (h.from < 0 || h.to > size || h.from >= h.to) continue;
    decos.push(Decoration.inline(h.from, h.to, { class: 'cw-hint', 'data-cw-key': h.key, title: h.label }, { key: h.key }));
    const $from = state.doc.resolve(h.from);
    const start = $from.before();
    const block = blocks.get(start) ?? { end: start + $from.parent.nodeSize, labels: [] };
    block.labels.push(h.label);
    blocks.set(start, block);
  }
  for (const [start, block] of blocks) decos.push(Decoration.node(start, block.end, { class: 'cw-block' }));
  return DecorationSet.create(state.doc, decos);
}

export function checkworthyPlugin() {
  return new Plugin<DecorationSet>({
    key: checkworthyKey,
    state: {
      init: () => DecorationSet.empty,
      apply(tr, set, _old, state) {
        const hints = tr.getMeta(checkworthyKey) as Hint[] | undefined;
        if (hints) return decorations(state, hints);
        return tr.docChanged ? set.map(tr.mapping, tr.doc) : set;
      },
    },
    props: {
      decorations: (state) => checkworthyKey.getState(state),
    },
  });
}

/** Where a hinted sentence is now (its decoration, mapped through every edit since the hints were computed), or null. */
export function hintRange(state: EditorState, key: string): { from: number; to: number } | null {
  const found = checkworthyKey.getState(state)?.find(undefined, undefined, (spec) => spec.key === key);
  return found?.length ? { from: found[0]!.from, to: found[0]!.to } : null;
}
