'use client';

/**
 * Editing / Suggesting / Viewing, as in Google Docs: a group of radio buttons in the editor
 * bar, each with its shortcut. Editing is unavailable to reviewers where the workspace turns
 * their edits into suggestions.
 */
import { useTranslations } from 'next-intl';
import { shortcutLabel } from '@/lib/editor/commands';
import type { EditorMode } from './use-collab-editor';

export const MODE_SHORTCUTS: Record<EditorMode, string> = { editing: 'Mod-Alt-Shift-z', suggesting: 'Mod-Alt-Shift-x', viewing: 'Mod-Alt-Shift-c' };

const LABELS = { editing: 'modeEditing', suggesting: 'modeSuggesting', viewing: 'modeViewing' } as const;

export function ModeSwitch({ mode, allowed, onChange }: { mode: EditorMode; allowed: EditorMode[]; onChange: (mode: EditorMode) => void }) {
  const t = useTranslations('editor');
  return (
    <div className="mode-switch" role="radiogroup" aria-label={t('modeLabel')}>
      {(['editing', 'suggesting', 'viewing'] as const).map((m) => {
        const locked = !allowed.includes(m);
        const name = t(LABELS[m]);
        return (
          <label key={m} className={`mode-option${mode === m ? ' is-active' : ''}${locked ? ' is-locked' : ''}`} title={locked ? t('modeEditingLocked') : t('modeShortcut', { mode: name, shortcut: shortcutLabel(MODE_SHORTCUTS[m]) })}>
            <input type="radio" name="editor-mode" value={m} checked={mode === m} disabled={locked} onChange={() => onChange(m)} />
            {name}
          </label>
        );
      })}
    </div>
  );
}
