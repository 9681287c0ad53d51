'use client';

import { useRouter } from 'next/navigation';
import { useRef, useState } from 'react';
import { LANGUAGES } from '@/lib/languages';

interface Props {
  workspaces: { id: string; name: string }[];
}

/** "New document": paste an article or upload a .txt, .md or .html file. */
export function NewDocumentForm({ workspaces }: Props) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const router = useRouter();
  const [mode, setMode] = useState<'paste' | 'upload'>('paste');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    let res: Response;
    try {
      const file = form.get('file');
      if (mode === 'upload' && file instanceof File && /\.json$/i.test(file.name)) {
        // A Factdesk JSON export: re-imported as a new document with its claims, sources and comments.
        let exported: unknown;
        try {
          exported = JSON.parse(await file.text());
        } catch {
          setPending(false);
          setError('This .json file is not valid JSON. Choose a file exported from Factdesk as JSON.');
          return;
        }
        res = await fetch('/api/documents/import', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({
            ...(exported as object),
            workspaceId: form.get('workspaceId') ?? undefined,
            title: form.get('title') || undefined,
            language: form.get('language') || undefined,
          }),
        });
      } else if (mode === 'upload') {
        form.delete('content');
        form.delete('format');
        if (!form.get('title')) form.delete('title');
        res = await fetch('/api/documents', { method: 'POST', body: form });
      } else {
        res = await fetch('/api/documents', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({
            title: form.get('title'),
            language: form.get('language'),
            sourceUrl: form.get('sourceUrl') || null,
            workspaceId: form.get('workspaceId'),
            format: form.get('format'),
            content: form.get('content'),
          }),
        });
      }
    } catch {
      setPending(false);
      setError('Factdesk could not be reached. Check your connection and try again.');
      return;
    }
    const body = await res.json().catch(() => null);
    setPending(false);
    if (!res.ok) {
      setError(body?.error?.message ?? `The document could not be created (${res.status}).`);
      return;
    }
    dialogRef.current?.close();
    router.push(`/documents/${body.document.id}`);
  }

  return (
    <>
      <button type="button" className="button primary" onClick={() => dialogRef.current?.showModal()}>
        New document
      </button>
      <dialog ref={dialogRef} className="dialog" aria-labelledby="new-doc-title">
        <form className="stack" onSubmit={onSubmit}>
          <h2 id="new-doc-title">New document</h2>
          <label className="field">
            <span>Title{mode === 'upload' ? ' (optional: the article’s own title is used)' : ''}</span>
            <input name="title" required={mode === 'paste'} maxLength={200} />
          </label>
          <div className="field-row">
            <label className="field">
              <span>Language</span>
              <select name="language" defaultValue="de" required>
                {LANGUAGES.map((l) => (
                  <option key={l.tag} value={l.tag}>
                    {l.name === l.native ? l.name : `${l.name} — ${l.native}`} ({l.tag})
                  </option>
                ))}
              </select>
            </label>
            {workspaces.length > 1 ? (
              <label className="field">
                <span>Workspace</span>
                <select name="workspaceId">
                  {workspaces.map((w) => (
                    <option key={w.id} value={w.id}>
                      {w.name}
                    </option>
                  ))}
                </select>
              </label>
            ) : (
              <input type="hidden" name="workspaceId" value={workspaces[0]?.id} />
            )}
          </div>
          <label className="field">
            <span>Source URL (optional)</span>
            <input name="sourceUrl" type="url" placeholder="https://…" maxLength={2048} />
          </label>
          <fieldset className="segmented">
            <legend>Article</legend>
            <label>
              <input type="radio" name="mode" checked={mode === 'paste'} onChange={() => setMode('paste')} /> Paste text
            </label>
            <label>
              <input type="radio" name="mode" checked={mode === 'upload'} onChange={() => setMode('upload')} /> Upload a file
            </label>
          </fieldset>
          {mode === 'paste' ? (
            <>
              <label className="field">
                <span>Text is</span>
                <select name="format" defaultValue="text">
                  <option value="text">Plain text</option>
                  <option value="markdown">Markdown</option>
                  <option value="html">HTML</option>
                </select>
              </label>
              <label className="field">
                <span>Article text</span>
                <textarea name="content" rows={10} required />
              </label>
            </>
          ) : (
            <label className="field">
              <span>File (.docx, .html, .md, .txt, or a Factdesk .json export)</span>
              <input
                name="file"
                type="file"
                accept=".docx,.txt,.md,.markdown,.html,.htm,.json,text/plain,text/markdown,text/html,application/json,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                required
              />
            </label>
          )}
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
          <div className="actions">
            <button type="button" className="button ghost" onClick={() => dialogRef.current?.close()}>
              Cancel
            </button>
            <button type="submit" className="button primary" disabled={pending}>
              {pending ? 'Creating…' : 'Create document'}
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}
