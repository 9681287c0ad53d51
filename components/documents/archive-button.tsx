'use client';

/** Archives a document, or brings it back from the archive (editors and admins). */
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { sendJson } from '../claims/api';

export function ArchiveButton({ documentId, title, archived }: { documentId: string; title: string; archived: boolean }) {
  const t = useTranslations('archive');
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function toggle() {
    setBusy(true);
    setError(null);
    try {
      await sendJson(archived ? 'DELETE' : 'POST', `/api/documents/${documentId}/archive`);
      router.refresh();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }
  return (
    <>
      <button type="button" className="button ghost small" disabled={busy} onClick={() => void toggle()} aria-label={t(archived ? 'restoreLabel' : 'archiveLabel', { title })}>
        {archived ? t('restore') : t('archive')}
      </button>
      {error && (
        <span className="form-error" role="alert">
          {error}
        </span>
      )}
    </>
  );
}
