'use client';

/** The inbox: notifications newest first, unread ones marked; reading one marks it read. */
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useState } from 'react';
import type { NotificationJSON } from '@/lib/notifications/serialize';
import { sendJson } from '../claims/api';
import { RelativeTime } from '../ui/relative-time';
import { INBOX_EVENT } from './inbox-bell';

export function InboxList({ initial }: { initial: { notifications: NotificationJSON[]; unread: number } }) {
  const t = useTranslations('notifications');
  const [state, setState] = useState(initial);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(async () => {
    try {
      setState(await sendJson<typeof initial>('GET', '/api/notifications?limit=100'));
    } catch (e) {
      setError((e as Error).message);
    }
  }, []);
  // New notifications appear as they arrive (the bell's stream announces them).
  useEffect(() => {
    const onInbox = () => void reload();
    window.addEventListener(INBOX_EVENT, onInbox);
    return () => window.removeEventListener(INBOX_EVENT, onInbox);
  }, [reload]);

  async function markRead(body: { ids: number[] } | { all: true }) {
    setError(null);
    try {
      const { unread } = await sendJson<{ unread: number }>('POST', '/api/notifications/read', body);
      setState((s) => ({ unread, notifications: s.notifications.map((n) => ('all' in body || body.ids.includes(n.id) ? { ...n, read: true } : n)) }));
    } catch (e) {
      setError((e as Error).message);
    }
  }

  return (
    <section aria-labelledby="inbox-title">
      <div className="page-head">
        <h1 id="inbox-title">{t('title')}</h1>
        <p className="muted" role="status">
          {t('unreadCount', { count: state.unread })}
        </p>
        {state.unread > 0 && (
          <button type="button" className="button" onClick={() => markRead({ all: true })}>
            {t('markAllRead')}
          </button>
        )}
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {state.notifications.length === 0 ? (
        <p className="empty-state">{t('empty')}</p>
      ) : (
        <ul className="inbox-list">
          {state.notifications.map((n) => (
            <li key={n.id} className={n.read ? 'inbox-item' : 'inbox-item unread'}>
              {!n.read && <span className="sr-only">{t('unread')}: </span>}
              <Link href={n.url} onClick={() => !n.read && void markRead({ ids: [n.id] })}>
                {n.text}
              </Link>
              <span className="muted small">
                <RelativeTime date={n.createdAt} />
              </span>
              {!n.read && (
                <button type="button" className="button ghost small" onClick={() => markRead({ ids: [n.id] })} aria-label={`${t('markRead')}: ${n.text}`}>
                  {t('markRead')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
