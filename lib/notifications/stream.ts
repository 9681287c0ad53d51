/** A user's live inbox count as Server-Sent Events (the bell on every page listens to it). */
import { getUnreadSummary } from '@/db/queries/notifications';
import { eventStreamResponse } from '../api/sse';
import { acquireStream, releaseStream } from '../collab/hub';
import { AppError } from '../errors';
import { onNotification } from './live';

const POLL_MS = 2000;

export function openInboxStream({ userId, signal, endReason }: { userId: string; signal: AbortSignal; endReason: () => string | null }): Response {
  if (!acquireStream(userId)) throw new AppError(429, 'rate_limited', 'Too many open connections to Factdesk. Close some tabs and reload this page.');
  return eventStreamResponse(signal, ({ send, close }) => {
    let last = '';
    // Sends the summary when it changed (a new notification, or some read elsewhere).
    const refresh = () => {
      const summary = getUnreadSummary(userId);
      const key = `${summary.unread}:${summary.latest}`;
      if (key !== last) {
        last = key;
        send('inbox', summary);
      }
    };
    const stop = onNotification(userId, refresh);
    const poll = setInterval(() => {
      const reason = endReason();
      if (reason) {
        send('reload', { reason });
        return close();
      }
      refresh();
    }, POLL_MS);
    refresh();
    return () => {
      clearInterval(poll);
      stop();
      releaseStream(userId);
    };
  });
}
