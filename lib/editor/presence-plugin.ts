/**
 * Other people's carets and selections, drawn in their colour with their name.
 * Positions arrive already mapped to this editor's document.
 */
import { Plugin, PluginKey, type EditorState } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';

/** A remote person's caret or selection in this document. */
export interface RemoteCursor {
  sessionId: string;
  name: string;
  color: string;
  anchor: number;
  head: number;
}

export const presenceKey = new PluginKey<DecorationSet>('presence');

function caret(cursor: RemoteCursor): HTMLElement {
  const el = document.createElement('span');
  el.className = 'remote-caret';
  el.style.borderColor = cursor.color;
  el.setAttribute('aria-label', `${cursor.name}'s cursor`);
  const label = document.createElement('span');
  label.className = 'remote-caret-label';
  label.style.background = cursor.color;
  label.textContent = cursor.name;
  el.appendChild(label);
  return el;
}

function build(state: EditorState, cursors: RemoteCursor[]): DecorationSet {
  const size = state.doc.content.size;
  const decos: Decoration[] = [];
  for (const c of cursors) {
    const head = Math.min(c.head, size);
    const anchor = Math.min(c.anchor, size);
    const from = Math.min(head, anchor);
    const to = Math.max(head, anchor);
    if (from < to) decos.push(Decoration.inline(from, to, { class: 'remote-selection', style: `background: ${c.color}33` }));
    decos.push(Decoration.widget(head, () => caret(c), { key: `${c.sessionId}:${c.color}:${c.name}`, side: 1 }));
    // The block holding the caret paints outside its box (the name above its first line).
    const $head = state.doc.resolve(head);
    if ($head.depth >= 1) {
      const start = $head.before(1);
      decos.push(Decoration.node(start, start + state.doc.child($head.index(0)).nodeSize, { class: 'has-remote-caret' }));
    }
  }
  return DecorationSet.create(state.doc, decos);
}

/** The presence plugin; set cursors with `tr.setMeta(presenceKey, cursors)`. */
export function presencePlugin(): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key: presenceKey,
    state: {
      init: () => DecorationSet.empty,
      apply(tr, set, _old, state) {
        const cursors = tr.getMeta(presenceKey) as RemoteCursor[] | undefined;
        if (cursors) return build(state, cursors);
        return tr.docChanged ? set.map(tr.mapping, tr.doc) : set;
      },
    },
    props: { decorations: (state) => presenceKey.getState(state) },
  });
}
