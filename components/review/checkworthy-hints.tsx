'use client';

/**
 * The review bar's check-worthiness hints: "N likely check-worthy sentences not marked"
 * (information, never a blocker), and, opened, each sentence with its reasons and Show, Mark
 * as claim and Dismiss — the keyboard's way to the hints the article marks in its margin.
 */
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import type { CheckworthyHint } from '../editor/use-checkworthy-hints';

interface Props {
  list: CheckworthyHint[];
  focus: { key: string; at: number } | null;
  onMark: (hint: CheckworthyHint) => void;
  onShow: (hint: CheckworthyHint) => void;
  onDismiss: (hint: CheckworthyHint) => Promise<void>;
}

const excerpt = (text: string) => (text.length > 110 ? `${text.slice(0, 109)}…` : text);

export function CheckworthyHints({ list, focus, onMark, onShow, onDismiss }: Props) {
  const t = useTranslations('checkworthy');
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const listRef = useRef<HTMLOListElement>(null);

  // A click on a hinted sentence in the article opens its entry here (and focuses it, below).
  const [handled, setHandled] = useState<number | null>(null);
  if (focus && focus.at !== handled) {
    setHandled(focus.at);
    setOpen(true);
  }
  useEffect(() => {
    if (!focus) return;
    requestAnimationFrame(() => {
      // Shown, not focused: the click may have been to edit the sentence, and the caret stays in the article.
      const item = listRef.current?.querySelector<HTMLElement>(`[data-hint="${focus.key}"]`);
      item?.scrollIntoView({ block: 'nearest' });
      item?.classList.add('cw-current');
      setTimeout(() => item?.classList.remove('cw-current'), 1500);
    });
  }, [focus]);

  return (
    <details className="cw-hints" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('count', { count: list.length })}</summary>
      <p className="muted small">{t('intro')}</p>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <ol ref={listRef}>
        {list.map((h) => (
          <li key={`${h.key}-${h.from}`} data-hint={h.key}>
            <q dir="auto">{excerpt(h.text)}</q>
            <span className="muted small"> — {h.reasons.map((r) => t(`reason.${r}`)).join(', ')}</span>
            <span className="actions">
              <button type="button" className="link-button" onClick={() => onShow(h)} aria-label={t('showLabel', { sentence: excerpt(h.text) })}>
                {t('show')}
              </button>
              <button type="button" className="button small cw-mark" onClick={() => onMark(h)} aria-label={t('markLabel', { sentence: excerpt(h.text) })}>
                {t('mark')}
              </button>
              <button
                type="button"
                className="button ghost small"
                onClick={() => onDismiss(h).then(() => setError(null), (e: Error) => setError(e.message))}
                aria-label={t('dismissLabel', { sentence: excerpt(h.text) })}
              >
                {t('dismiss')}
              </button>
            </span>
          </li>
        ))}
      </ol>
    </details>
  );
}
