'use client';

import { languageName } from '@/lib/languages';
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
      setError(body?.error?.message ?? 'The title could not be changed.');
      return;
    }
    setTitle(body.document.title);
    setEditing(false);
    setError(null);
    router.refresh();
  }

  async function remove() {
    if (!window.confirm(`Delete “${title}”? It disappears from the list for everyone in the workspace.`)) return;
    const res = await fetch(`/api/documents/${id}`, { method: 'DELETE' });
    if (!res.ok) {
      const body = await res.json().catch(() => null);
      setError(body?.error?.message ?? 'The document could not be deleted.');
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
            Document title
          </label>
          <input id="doc-title-input" name="title" defaultValue={title} maxLength={200} autoFocus required />
          <button className="button primary small" type="submit">
            Save title
          </button>
          <button className="button ghost small" type="button" onClick={() => setEditing(false)}>
            Cancel
          </button>
        </form>
      ) : (
        <h1 className="doc-title" dir="auto">
          {title}
        </h1>
      )}
      <div className="doc-meta">
        <span className="lang-tag" title={`Language of the article: ${languageName(language)}`}>
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
            Source ↗
          </a>
        )}
        <span className="spacer" />
        {canRename && !editing && (
          <button type="button" className="button ghost small" onClick={() => setEditing(true)}>
            Rename
          </button>
        )}
        {canDelete && (
          <button type="button" className="button danger small" onClick={remove}>
            Delete
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
