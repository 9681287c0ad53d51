'use client';

/**
 * The keyboard shortcut sheet: `?` anywhere outside a text field opens it (a modal dialog;
 * Esc or Close returns to where you were).
 */
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';

/** Each binding and the message that says what it does (messages `shortcuts.*`). */
const SHORTCUTS = [
  ['Mod-Shift-M', 'addClaim'],
  ['Alt-ArrowDown', 'next'],
  ['Alt-ArrowUp', 'previous'],
  ['Mod-z', 'undo'],
  ['Shift-Mod-z', 'redo'],
  ['Mod-b', 'bold'],
  ['Mod-i', 'italic'],
  ['Shift-Ctrl-2', 'h2'],
  ['Shift-Ctrl-3', 'h3'],
  ['Shift-Ctrl-0', 'paragraph'],
  ['Shift-Ctrl-8', 'bulleted'],
  ['Shift-Ctrl-9', 'numbered'],
  ['Ctrl->', 'quote'],
  ['?', 'sheet'],
] as const;

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
  const t = useTranslations('shortcuts');
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
      <h2 id="shortcuts-title">{t('title')}</h2>
      <table>
        <caption className="sr-only">{t('caption')}</caption>
        <tbody>
          {SHORTCUTS.map(([keys, what]) => (
            <tr key={keys}>
              <th scope="row">
                <kbd>{keyLabel(keys, mac)}</kbd>
              </th>
              <td>{t(what)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <form method="dialog" className="actions">
        <button type="submit" className="button primary small" autoFocus>
          {t('close')}
        </button>
      </form>
    </dialog>
  );
}
