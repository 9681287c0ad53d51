'use client';

/** Publish, republish or unpublish the report (editors and admins), and the public link. */
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { sendJson } from '../claims/api';

interface Props {
  documentId: string;
  signedOff: boolean;
  revision: number;
  published: { url: string; revision: number } | null;
}

export function PublishControls({ documentId, signedOff, revision, published }: Props) {
  const t = useTranslations('publish');
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function run(method: 'POST' | 'DELETE') {
    if (method === 'DELETE' && !window.confirm(t('confirmUnpublish'))) return;
    setBusy(true);
    setError(null);
    try {
      await sendJson(method, `/api/documents/${documentId}/publish`);
      setMessage(method === 'POST' ? t('published') : t('unpublished'));
      router.refresh();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  async function copy() {
    if (!published) return;
    await navigator.clipboard?.writeText(published.url).catch(() => undefined);
    setMessage(t('copied'));
  }

  const canPublishNow = signedOff && (!published || published.revision !== revision);
  return (
    <div className="publish-controls" role="group" aria-label={t('region')}>
      {published ? (
        <span>
          {published.revision !== revision ? t('publicRevision', { revision: published.revision }) : t('public')}{' '}
          <a href={published.url} target="_blank" rel="noopener noreferrer">
            {published.url}
          </a>
        </span>
      ) : (
        <span className="muted">{signedOff ? t('notPublished') : t('signFirst')}</span>
      )}
      {published && (
        <button type="button" className="button ghost small" onClick={() => void copy()}>
          {t('copyLink')}
        </button>
      )}
      {canPublishNow && (
        <button type="button" className="button primary small" disabled={busy} onClick={() => void run('POST')}>
          {published ? t('publishRevision', { revision }) : t('publish')}
        </button>
      )}
      {published && (
        <button type="button" className="button ghost small" disabled={busy} onClick={() => void run('DELETE')}>
          {t('unpublish')}
        </button>
      )}
      {message && <span role="status">{message}</span>}
      {error && (
        <span className="form-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
