/** A user's live inbox count as Server-Sent Events (the bell on every page listens to it). */
import { getUnreadSummary } from '@/db/queries/notifications';
import { eventStreamResponse, everyInterval } from '../api/sse';
import { AppError } from '../errors';
import { onNotification } from './live';

const POLL_MS = 2000;
/** Most inbox streams one user may hold open in one process (a browser holds one for all its tabs). */
const MAX_INBOX_STREAMS = 12;

// Counted apart from the document streams: the bell never takes a document's place.
const globalForInbox = globalThis as unknown as { factdeskInboxStreams?: Map<string, number> };
const open = (globalForInbox.factdeskInboxStreams ??= new Map<string, number>());
function acquireStream(userId: string): boolean {
  const n = open.get(userId) ?? 0;
  if (n >= MAX_INBOX_STREAMS) return false;
  open.set(userId, n + 1);
  return true;
}
function releaseStream(userId: string): void {
  const n = (open.get(userId) ?? 1) - 1;
  if (n > 0) open.set(userId, n);
  else open.delete(userId);
}

export function openInboxStream({ userId, signal, endReason }: { userId: string; signal: AbortSignal; endReason: () => Promise<string | null> }): Response {
  if (!acquireStream(userId)) throw new AppError(429, 'rate_limited', 'Too many open connections to Factdesk. Close some tabs and reload this page.');
  try {
    return inboxEvents(userId, signal, endReason);
  } catch (e) {
    releaseStream(userId);
    throw e;
  }
}

function inboxEvents(userId: string, signal: AbortSignal, endReason: () => Promise<string | null>): Response {
  return eventStreamResponse(signal, async ({ send, close }) => {
    let last = '';
    // Sends the summary when it changed (a new notification, or some read elsewhere).
    const refresh = async () => {
      const summary = await getUnreadSummary(userId);
      const key = `${summary.unread}:${summary.latest}`;
      if (key !== last) {
        last = key;
        send('inbox', summary);
      }
    };
    const stop = onNotification(userId, refresh);
    const poll = everyInterval(POLL_MS, 'inbox stream poll', async () => {
      const reason = await endReason();
      if (reason) {
        send('reload', { reason });
        return close();
      }
      await refresh();
    });
    await refresh();
    return () => {
      clearInterval(poll);
      stop();
      releaseStream(userId);
    };
  });
}
