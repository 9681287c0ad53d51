'use client';

/**
 * The bell in the header: the unread count, live, and the way to the inbox. One tab of the
 * browser holds the inbox stream (a Web Lock decides which; when it closes, another takes
 * over) and tells the others over a BroadcastChannel, so that many open tabs cost one
 * connection, not one each.
 */
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';

/** Tells the inbox page (and others) that the count changed. */
export const INBOX_EVENT = 'factdesk:inbox';
const CHANNEL = 'factdesk-inbox';

type Summary = { unread: number; latest: number };

export function InboxBell({ initialUnread }: { initialUnread: number }) {
  const t = useTranslations('notifications');
  const router = useRouter();
  const [unread, setUnread] = useState(initialUnread);
  useEffect(() => {
    let latest = -1;
    const receive = (summary: Summary) => {
      setUnread(summary.unread);
      if (latest !== -1 && summary.latest !== latest) window.dispatchEvent(new CustomEvent(INBOX_EVENT, { detail: summary }));
      latest = summary.latest;
    };
    const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANNEL);
    if (channel) channel.onmessage = (e: MessageEvent<Summary | 'reload'>) => (e.data === 'reload' ? router.refresh() : receive(e.data));
    let source: EventSource | null = null;
    let stopped = false;
    const lead = () =>
      new Promise<void>((release) => {
        if (stopped) return release();
        source = new EventSource('/api/notifications/stream');
        source.addEventListener('inbox', (e) => {
          const summary = JSON.parse((e as MessageEvent<string>).data) as Summary;
          receive(summary);
          channel?.postMessage(summary);
        });
        source.addEventListener('reload', () => {
          source?.close();
          channel?.postMessage('reload');
          router.refresh();
          release();
        });
        stopLeading = () => {
          source?.close();
          release();
        };
      });
    let stopLeading = () => {};
    const abort = new AbortController();
    if (navigator.locks) navigator.locks.request('factdesk-inbox-stream', { signal: abort.signal }, lead).catch(() => undefined);
    else void lead();
    return () => {
      stopped = true;
      abort.abort();
      stopLeading();
      channel?.close();
    };
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
