'use client';

/** A claim's history, told in sentences, loaded when the reader opens it. */
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { HistoryEntry } from '@/lib/audit/history';
import { sendJson } from '../claims/api';
import { RelativeTime } from '../ui/relative-time';

export function ClaimHistory({ claimId, revision }: { claimId: string; revision: number }) {
  const t = useTranslations('history');
  const [events, setEvents] = useState<HistoryEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function load() {
    try {
      setEvents((await sendJson<{ events: HistoryEntry[] }>('GET', `/api/claims/${claimId}/history`)).events);
    } catch (e) {
      setError((e as Error).message);
    }
  }

  return (
    <details className="claim-history" onToggle={(e) => (e.currentTarget.open ? void load() : undefined)} key={revision}>
      <summary>{t('title')}</summary>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {events === null ? (
        !error && <p className="muted">{t('loading')}</p>
      ) : (
        <ol className="history-list">
          {[...events].reverse().map((e) => (
            <li key={e.id}>
              {e.summary} — <RelativeTime date={e.createdAt} />
            </li>
          ))}
        </ol>
      )}
    </details>
  );
}
