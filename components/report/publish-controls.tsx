'use client';

/** Publish, republish or unpublish the report (editors and admins), and the public link. */
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
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function run(method: 'POST' | 'DELETE') {
    if (method === 'DELETE' && !window.confirm('Take the published report down? Its public link will stop working.')) return;
    setBusy(true);
    setError(null);
    try {
      await sendJson(method, `/api/documents/${documentId}/publish`);
      setMessage(method === 'POST' ? 'Published.' : 'The report is no longer public.');
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
    setMessage('Link copied.');
  }

  const canPublishNow = signedOff && (!published || published.revision !== revision);
  return (
    <div className="publish-controls" role="group" aria-label="Publishing">
      {published ? (
        <span>
          Public{published.revision !== revision ? ` (revision ${published.revision})` : ''}:{' '}
          <a href={published.url} target="_blank" rel="noopener noreferrer">
            {published.url}
          </a>
        </span>
      ) : (
        <span className="muted">{signedOff ? 'Not published.' : 'Sign the document off to publish its report.'}</span>
      )}
      {published && (
        <button type="button" className="button ghost small" onClick={() => void copy()}>
          Copy link
        </button>
      )}
      {canPublishNow && (
        <button type="button" className="button primary small" disabled={busy} onClick={() => void run('POST')}>
          {published ? `Publish revision ${revision}` : 'Publish'}
        </button>
      )}
      {published && (
        <button type="button" className="button ghost small" disabled={busy} onClick={() => void run('DELETE')}>
          Unpublish
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
