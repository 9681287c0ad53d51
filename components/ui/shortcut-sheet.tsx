'use client';

/**
 * The keyboard shortcut sheet: `?` anywhere outside a text field opens it (a modal dialog;
 * Esc or Close returns to where you were).
 */
import { useEffect, useRef, useState } from 'react';

const SHORTCUTS: [string, string][] = [
  ['Mod-Shift-M', 'Add a claim on the selected text'],
  ['Alt-ArrowDown', 'Next claim (from anywhere on the document page)'],
  ['Alt-ArrowUp', 'Previous claim'],
  ['Mod-z', 'Undo (also removes a claim just added)'],
  ['Shift-Mod-z', 'Redo'],
  ['Mod-b', 'Bold'],
  ['Mod-i', 'Italic'],
  ['Shift-Ctrl-2', 'Heading (H2)'],
  ['Shift-Ctrl-3', 'Subheading (H3)'],
  ['Shift-Ctrl-0', 'Paragraph'],
  ['Shift-Ctrl-8', 'Bulleted list'],
  ['Shift-Ctrl-9', 'Numbered list'],
  ['Ctrl->', 'Quote'],
  ['?', 'This list of shortcuts'],
];

/** A ProseMirror-style binding as people read it: `Shift-Mod-z` → "Shift+Ctrl+Z" (⇧⌘Z on a Mac). */
function keyLabel(binding: string, mac: boolean): string {
  if (binding === '?') return '?';
  const parts = binding.endsWith('->') ? [...binding.slice(0, -2).split('-'), '>'] : binding.split('-');
  const names: Record<string, string> = { Mod: mac ? '⌘' : 'Ctrl', Ctrl: mac ? '⌃' : 'Ctrl', Shift: mac ? '⇧' : 'Shift', Alt: mac ? '⌥' : 'Alt', ArrowDown: '↓', ArrowUp: '↑' };
  const keys = parts.filter(Boolean).map((p) => names[p] ?? p.toUpperCase());
  return keys.join(mac ? '' : '+');
}

/** Whether a key press goes to something that takes text. */
function inTextField(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el) return false;
  return el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName);
}

export function ShortcutSheet() {
  const dialog = useRef<HTMLDialogElement>(null);
  // Known only in the browser (the server renders the Ctrl names): read when the sheet opens.
  const [mac, setMac] = useState(false);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== '?' || e.ctrlKey || e.metaKey || e.altKey || inTextField(e.target)) return;
      e.preventDefault();
      setMac(/Mac|iPhone|iPad/.test(navigator.platform));
      if (!dialog.current?.open) dialog.current?.showModal();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <dialog ref={dialog} className="shortcut-sheet" aria-labelledby="shortcuts-title">
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      <table>
        <caption className="sr-only">Keys and what they do</caption>
        <tbody>
          {SHORTCUTS.map(([keys, what]) => (
            <tr key={keys}>
              <th scope="row">
                <kbd>{keyLabel(keys, mac)}</kbd>
              </th>
              <td>{what}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <form method="dialog" className="actions">
        <button type="submit" className="button primary small" autoFocus>
          Close
        </button>
      </form>
    </dialog>
  );
}
