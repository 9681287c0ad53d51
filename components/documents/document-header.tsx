'use client';

import { useLocale, useTranslations } from 'next-intl';
import { languageNameIn } from '@/lib/languages';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { DocumentStatus } from '@/db/enums';
import { StatusBadge } from '../ui/status-badge';

interface Props {
  id: string;
  title: string;
  language: string;
  status: DocumentStatus;
  sourceUrl: string | null;
  /** What the article's source said of it: "By … · published …". */
  articleLine?: string | null;
  canRename: boolean;
  canDelete: boolean;
}

/** The document's title (renamable), language, status and the delete action. */
export function DocumentHeader({ id, title: initialTitle, language, status, sourceUrl, articleLine, canRename, canDelete }: Props) {
  const t = useTranslations('documentHeader');
  const locale = useLocale();
  const router = useRouter();
  const [title, setTitle] = useState(initialTitle);
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function rename(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const next = String(new FormData(event.currentTarget).get('title') ?? '');
    const res = await fetch(`/api/documents/${id}`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ title: next }),
    });
    const body = await res.json().catch(() => null);
    if (!res.ok) {
      setError(body?.error?.message ?? t('renameFailed'));
      return;
    }
    setTitle(body.document.title);
    setEditing(false);
    setError(null);
    router.refresh();
  }

  async function remove() {
    if (!window.confirm(t('confirmDelete', { title }))) return;
    const res = await fetch(`/api/documents/${id}`, { method: 'DELETE' });
    if (!res.ok) {
      const body = await res.json().catch(() => null);
      setError(body?.error?.message ?? t('deleteFailed'));
      return;
    }
    router.push('/documents');
    router.refresh();
  }

  return (
    <div className="doc-header">
      {editing ? (
        <form className="rename-form" onSubmit={rename}>
          <label className="sr-only" htmlFor="doc-title-input">
            {t('titleLabel')}
          </label>
          <input id="doc-title-input" name="title" defaultValue={title} maxLength={200} autoFocus required />
          <button className="button primary small" type="submit">
            {t('saveTitle')}
          </button>
          <button className="button ghost small" type="button" onClick={() => setEditing(false)}>
            {t('cancel')}
          </button>
        </form>
      ) : (
        <h1 className="doc-title" dir="auto">
          {title}
        </h1>
      )}
      <div className="doc-meta">
        <span className="lang-tag" title={t('languageOf', { language: languageNameIn(language, locale) })}>
          {language}
        </span>
        <StatusBadge status={status} />
        {articleLine && (
          <span className="muted" dir="auto">
            {articleLine}
          </span>
        )}
        {sourceUrl && (
          <a href={sourceUrl} target="_blank" rel="noopener noreferrer" className="muted">
            {t('source')}
          </a>
        )}
        <span className="spacer" />
        {canRename && !editing && (
          <button type="button" className="button ghost small" onClick={() => setEditing(true)}>
            {t('rename')}
          </button>
        )}
        {canDelete && (
          <button type="button" className="button danger small" onClick={remove}>
            {t('delete')}
          </button>
        )}
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
