'use client';

/** The bell in the header: the unread count, live from the inbox stream, and the way to the inbox. */
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';

/** Tells the inbox page (and others) that the count changed. */
export const INBOX_EVENT = 'factdesk:inbox';

export function InboxBell({ initialUnread }: { initialUnread: number }) {
  const t = useTranslations('notifications');
  const router = useRouter();
  const [unread, setUnread] = useState(initialUnread);
  useEffect(() => {
    const source = new EventSource('/api/notifications/stream');
    let latest = -1;
    source.addEventListener('inbox', (e) => {
      const summary = JSON.parse((e as MessageEvent<string>).data) as { unread: number; latest: number };
      setUnread(summary.unread);
      if (latest !== -1 && summary.latest !== latest) window.dispatchEvent(new CustomEvent(INBOX_EVENT, { detail: summary }));
      latest = summary.latest;
    });
    source.addEventListener('reload', () => {
      source.close();
      router.refresh();
    });
    return () => source.close();
  }, [router]);
  return (
    <Link href="/notifications" className="inbox-bell" aria-label={t('bell', { count: unread })}>
      <svg aria-hidden="true" width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
        <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
        <path d="M13.7 21a2 2 0 0 1-3.4 0" />
      </svg>
      {unread > 0 && (
        <span className="inbox-count" aria-hidden="true">
          {unread > 99 ? '99+' : unread}
        </span>
      )}
    </Link>
  );
}
