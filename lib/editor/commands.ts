/**
 * Editor commands and keymap, outside React so they can be tested without a browser.
 */
import { baseKeymap, chainCommands, exitCode, setBlockType, toggleMark, wrapIn } from 'prosemirror-commands';
import { redo, undo } from 'prosemirror-history';
import type { MarkType, NodeType } from 'prosemirror-model';
import { liftListItem, sinkListItem, splitListItem, wrapInList } from 'prosemirror-schema-list';
import type { Command, EditorState } from 'prosemirror-state';
import { isSafeHref, schema } from './schema';

const isMac = typeof navigator !== 'undefined' && /Mac|iP(hone|[oa]d)/.test(navigator.platform);

/** Inserts a hard line break (Shift-Enter). */
export const insertHardBreak: Command = chainCommands(exitCode, (state, dispatch) => {
  dispatch?.(state.tr.replaceSelectionWith(schema.nodes.hard_break!.create()).scrollIntoView());
  return true;
});

/** Whether the mark is active at the selection (for toolbar buttons' pressed state). */
export function isMarkActive(state: EditorState, type: MarkType): boolean {
  const { from, $from, to, empty } = state.selection;
  if (empty) return !!type.isInSet(state.storedMarks || $from.marks());
  return state.doc.rangeHasMark(from, to, type);
}

/** Whether the selection's block is of this type (and these attributes). */
export function isBlockActive(state: EditorState, type: NodeType, attrs?: Record<string, unknown>): boolean {
  const { $from } = state.selection;
  const parent = $from.parent;
  return parent.type === type && (!attrs || Object.entries(attrs).every(([k, v]) => parent.attrs[k] === v));
}

/** Turns the selected block into a heading of `level`, or back into a paragraph. */
export function toggleHeading(level: number): Command {
  return (state, dispatch) =>
    isBlockActive(state, schema.nodes.heading!, { level })
      ? setBlockType(schema.nodes.paragraph!)(state, dispatch)
      : setBlockType(schema.nodes.heading!, { level })(state, dispatch);
}

/** Adds a link to the selection, or removes the link when `href` is null. Unsafe URLs are refused. */
export function setLink(href: string | null): Command {
  return (state, dispatch) => {
    const { from, to, empty } = state.selection;
    if (empty) return false;
    const type = schema.marks.link!;
    if (href === null) {
      dispatch?.(state.tr.removeMark(from, to, type));
      return true;
    }
    if (!isSafeHref(href)) return false;
    dispatch?.(state.tr.addMark(from, to, type.create({ href: href.trim() })));
    return true;
  };
}

/** The shortcut label for a key binding on this platform (⌘B on a Mac, Ctrl+B elsewhere). */
export function shortcutLabel(binding: string): string {
  return binding.replace('Mod-', isMac ? '⌘' : 'Ctrl+').replace('Shift-', isMac ? '⇧' : 'Shift+').replace('Alt-', isMac ? '⌥' : 'Alt+');
}

/** The editor's key bindings, layered over prosemirror-commands' baseKeymap. */
export function buildKeymap(): Record<string, Command> {
  const keys: Record<string, Command> = {
    'Mod-z': undo,
    'Shift-Mod-z': redo,
    'Mod-b': toggleMark(schema.marks.strong!),
    'Mod-i': toggleMark(schema.marks.em!),
    'Shift-Enter': insertHardBreak,
    'Mod-Enter': insertHardBreak,
    Enter: splitListItem(schema.nodes.list_item!),
    'Mod-[': liftListItem(schema.nodes.list_item!),
    'Mod-]': sinkListItem(schema.nodes.list_item!),
    'Shift-Ctrl-8': wrapInList(schema.nodes.bullet_list!),
    'Shift-Ctrl-9': wrapInList(schema.nodes.ordered_list!),
    'Ctrl->': wrapIn(schema.nodes.blockquote!),
    'Shift-Ctrl-0': setBlockType(schema.nodes.paragraph!),
  };
  if (!isMac) keys['Mod-y'] = redo;
  for (let level = 1; level <= 4; level++) keys[`Shift-Ctrl-${level}`] = setBlockType(schema.nodes.heading!, { level });
  return keys;
}

export { baseKeymap };
