'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useRef, useState } from 'react';
import { LANGUAGES, languageNameIn } from '@/lib/languages';

interface Props {
  workspaces: { id: string; name: string }[];
}

/** "New document": paste an article or upload a .txt, .md or .html file. */
export function NewDocumentForm({ workspaces }: Props) {
  const t = useTranslations('newDocument');
  const tc = useTranslations('common');
  const locale = useLocale();
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
          setError(t('badJson'));
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
      setError(tc('networkError'));
      return;
    }
    const body = await res.json().catch(() => null);
    setPending(false);
    if (!res.ok) {
      setError(body?.error?.message ?? t('failed', { status: res.status }));
      return;
    }
    dialogRef.current?.close();
    router.push(`/documents/${body.document.id}`);
  }

  return (
    <>
      <button type="button" className="button primary" onClick={() => dialogRef.current?.showModal()}>
        {t('open')}
      </button>
      <dialog ref={dialogRef} className="dialog" aria-labelledby="new-doc-title">
        <form className="stack" onSubmit={onSubmit}>
          <h2 id="new-doc-title">{t('open')}</h2>
          <label className="field">
            <span>{mode === 'upload' ? t('titleOptional') : t('title')}</span>
            <input name="title" required={mode === 'paste'} maxLength={200} />
          </label>
          <div className="field-row">
            <label className="field">
              <span>{t('language')}</span>
              <select name="language" defaultValue="de" required>
                {LANGUAGES.map((l) => (
                  <option key={l.tag} value={l.tag}>
                    {languageNameIn(l.tag, locale)}{l.native !== languageNameIn(l.tag, locale) ? ` — ${l.native}` : ''} ({l.tag})
                  </option>
                ))}
              </select>
            </label>
            {workspaces.length > 1 ? (
              <label className="field">
                <span>{t('workspace')}</span>
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
            <span>{t('sourceUrl')}</span>
            <input name="sourceUrl" type="url" placeholder="https://…" maxLength={2048} />
          </label>
          <fieldset className="segmented">
            <legend>{t('article')}</legend>
            <label>
              <input type="radio" name="mode" checked={mode === 'paste'} onChange={() => setMode('paste')} /> {t('paste')}
            </label>
            <label>
              <input type="radio" name="mode" checked={mode === 'upload'} onChange={() => setMode('upload')} /> {t('upload')}
            </label>
          </fieldset>
          {mode === 'paste' ? (
            <>
              <label className="field">
                <span>{t('textIs')}</span>
                <select name="format" defaultValue="text">
                  <option value="text">{t('plain')}</option>
                  <option value="markdown">{t('markdown')}</option>
                  <option value="html">{t('html')}</option>
                </select>
              </label>
              <label className="field">
                <span>{t('text')}</span>
                <textarea name="content" rows={10} required />
              </label>
            </>
          ) : (
            <label className="field">
              <span>{t('file')}</span>
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
              {tc('cancel')}
            </button>
            <button type="submit" className="button primary" disabled={pending}>
              {pending ? t('creating') : t('create')}
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}
