'use client';

/**
 * A comment box with @mention autocomplete: typing "@" and part of a member's name opens a
 * list of matching members (↑/↓ to move, Enter or Tab to insert, Esc to close).
 */
import { useTranslations } from 'next-intl';
import { useId, useRef, useState } from 'react';
import { mentionQueryAt } from '@/lib/comments/mentions';
import { useReview } from './review-context';

interface Props {
  label: string;
  submitLabel: string;
  initial?: string;
  onSubmit: (body: string) => Promise<void>;
  onCancel?: () => void;
  autoFocus?: boolean;
}

export function CommentComposer({ label, submitLabel, initial = '', onSubmit, onCancel, autoFocus }: Props) {
  const { members } = useReview();
  const t = useTranslations('comments');
  const [text, setText] = useState(initial);
  const [query, setQuery] = useState<{ start: number; query: string } | null>(null);
  const [active, setActive] = useState(0);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ref = useRef<HTMLTextAreaElement>(null);
  const listId = useId();

  const matches = query ? matchMembers(members, query.query) : [];
  const open = matches.length > 0;

  function update(value: string, caret: number) {
    setText(value);
    setQuery(mentionQueryAt(value, caret));
    setActive(0);
  }

  function insert(name: string) {
    const el = ref.current;
    if (!el || !query) return;
    const caret = el.selectionStart;
    const next = `${text.slice(0, query.start)}@${name} ${text.slice(caret)}`;
    const pos = query.start + name.length + 2;
    setText(next);
    setQuery(null);
    requestAnimationFrame(() => {
      el.focus();
      el.setSelectionRange(pos, pos);
    });
  }

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if (!text.trim()) return;
    setPending(true);
    setError(null);
    try {
      await onSubmit(text.trim());
      setText('');
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setPending(false);
    }
  }

  return (
    <form className="comment-composer" onSubmit={submit}>
      <div className="mention-wrap">
        <textarea
          dir="auto"
          ref={ref}
          aria-label={label}
          value={text}
          rows={2}
          maxLength={5000}
          placeholder={t('placeholder')}
          autoFocus={autoFocus}
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={listId}
          aria-activedescendant={open ? `${listId}-${active}` : undefined}
          onChange={(e) => update(e.target.value, e.target.selectionStart)}
          onKeyDown={(e) => {
            if (open && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
              e.preventDefault();
              setActive((i) => (i + (e.key === 'ArrowDown' ? 1 : matches.length - 1)) % matches.length);
            } else if (open && (e.key === 'Enter' || e.key === 'Tab')) {
              e.preventDefault();
              insert(matches[active]!.name);
            } else if (open && e.key === 'Escape') {
              e.preventDefault();
              setQuery(null);
            } else if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) {
              e.currentTarget.form?.requestSubmit();
            }
          }}
        />
        <ul id={listId} role="listbox" aria-label={t('mentionList')} className="mention-list" hidden={!open}>
          {matches.map((m, i) => (
            <li
              key={m.id}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'is-active' : undefined}
              onMouseDown={(e) => {
                e.preventDefault();
                insert(m.name);
              }}
            >
              {m.name}
            </li>
          ))}
        </ul>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="actions">
        {onCancel && (
          <button type="button" className="button ghost small" onClick={onCancel}>
            {t('cancel')}
          </button>
        )}
        <span className="spacer" />
        <button type="submit" className="button small" disabled={pending || !text.trim()}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}

/** Members whose name, or a word of it, starts with what was typed after "@" (best first). */
function matchMembers<M extends { name: string }>(members: M[], typed: string): M[] {
  const q = typed.toLocaleLowerCase();
  const score = (name: string) => {
    const n = name.toLocaleLowerCase();
    if (n.startsWith(q)) return 0;
    return n.split(/\s+/).some((w) => w.startsWith(q)) ? 1 : 2;
  };
  return members
    .filter((m) => score(m.name) < 2)
    .sort((a, b) => score(a.name) - score(b.name) || a.name.localeCompare(b.name))
    .slice(0, 6);
}
