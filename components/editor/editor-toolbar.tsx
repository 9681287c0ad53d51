'use client';

import { useTranslations } from 'next-intl';
import { setBlockType, toggleMark, wrapIn } from 'prosemirror-commands';
import { redo, redoDepth, undo, undoDepth } from 'prosemirror-history';
import { wrapInList } from 'prosemirror-schema-list';
import type { Command } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { isBlockActive, isMarkActive, setLink, shortcutLabel, toggleHeading } from '@/lib/editor/commands';
import { schema } from '@/lib/editor/schema';

interface ButtonSpec {
  label: string;
  text: string;
  command: Command;
  shortcut?: string;
  active?: boolean;
  className?: string;
}

/** Formatting buttons for the editor; each has an accessible name and shows its shortcut. */
export function EditorToolbar({ view, suggesting = false }: { view: EditorView; suggesting?: boolean }) {
  const t = useTranslations('editor');
  const state = view.state;
  const run = (command: Command) => {
    command(view.state, view.dispatch, view);
    view.focus();
  };
  const promptLink: Command = (s, dispatch) => {
    if (s.selection.empty) return false;
    if (!dispatch) return true;
    if (isMarkActive(s, schema.marks.link!)) return setLink(null)(s, dispatch);
    const href = window.prompt(t('linkPrompt'));
    if (!href) return false;
    if (!setLink(href)(s, dispatch)) window.alert(t('linkRefused'));
    return true;
  };
  const all: ButtonSpec[][] = [
    [
      { label: t('undo'), text: '↶', command: undo, shortcut: 'Mod-z' },
      { label: t('redo'), text: '↷', command: redo, shortcut: 'Shift-Mod-z' },
    ],
    [
      { label: t('bold'), text: 'B', command: toggleMark(schema.marks.strong!), shortcut: 'Mod-b', active: isMarkActive(state, schema.marks.strong!), className: 'tb-bold' },
      { label: t('italic'), text: 'I', command: toggleMark(schema.marks.em!), shortcut: 'Mod-i', active: isMarkActive(state, schema.marks.em!), className: 'tb-italic' },
      { label: t('link'), text: t('link'), command: promptLink, active: isMarkActive(state, schema.marks.link!) },
    ],
    [
      { label: t('h2'), text: 'H2', command: toggleHeading(2), shortcut: 'Shift-Ctrl-2', active: isBlockActive(state, schema.nodes.heading!, { level: 2 }) },
      { label: t('h3'), text: 'H3', command: toggleHeading(3), shortcut: 'Shift-Ctrl-3', active: isBlockActive(state, schema.nodes.heading!, { level: 3 }) },
      { label: t('paragraph'), text: '¶', command: setBlockType(schema.nodes.paragraph!), shortcut: 'Shift-Ctrl-0', active: isBlockActive(state, schema.nodes.paragraph!) },
    ],
    [
      { label: t('bulleted'), text: '•', command: wrapInList(schema.nodes.bullet_list!), shortcut: 'Shift-Ctrl-8' },
      { label: t('numbered'), text: '1.', command: wrapInList(schema.nodes.ordered_list!), shortcut: 'Shift-Ctrl-9' },
      { label: t('quote'), text: '❝', command: wrapIn(schema.nodes.blockquote!), shortcut: 'Ctrl->' },
    ],
  ];
  // In Suggesting, only the words and their inline formatting: headings, lists and quotes change in Editing.
  const groups = suggesting ? all.slice(0, 2) : all;
  const disabled = (b: ButtonSpec) =>
    (b.command === undo && undoDepth(state) === 0) || (b.command === redo && redoDepth(state) === 0) || !b.command(state);
  return (
    <div className="toolbar" role="toolbar" aria-label={t('formatting')}>
      {groups.map((group, i) => (
        <div className="toolbar-group" key={i}>
          {group.map((b) => {
            const name = b.shortcut ? `${b.label} (${shortcutLabel(b.shortcut)})` : b.label;
            return (
              <button
                key={b.label}
                type="button"
                className={`tb ${b.className ?? ''}`}
                aria-label={b.label}
                title={name}
                aria-pressed={b.active === undefined ? undefined : b.active}
                disabled={disabled(b)}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => run(b.command)}
              >
                {b.text}
              </button>
            );
          })}
        </div>
      ))}
    </div>
  );
}
