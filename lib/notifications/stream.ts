/** A user's live inbox count as Server-Sent Events (the bell on every page listens to it). */
import { getUnreadSummary } from '@/db/queries/notifications';
import { AppError } from '../errors';
import { acquireStream, releaseStream } from '../collab/hub';
import { onNotification } from './live';

const POLL_MS = 2000;
const HEARTBEAT_MS = 15_000;
const encoder = new TextEncoder();

export function openInboxStream({ userId, signal, endReason }: { userId: string; signal: AbortSignal; endReason: () => string | null }): Response {
  if (!acquireStream(userId)) throw new AppError(429, 'rate_limited', 'Too many open connections to Factdesk. Close some tabs and reload this page.');
  let cleanup = () => {};
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      let closed = false;
      let last = '';
      const send = (event: string, data: unknown) => {
        if (!closed) controller.enqueue(encoder.encode(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`));
      };
      const close = () => {
        if (closed) return;
        closed = true;
        cleanup();
        try {
          controller.close();
        } catch {
          // already closed by the client
        }
      };
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
      const heartbeat = setInterval(() => !closed && controller.enqueue(encoder.encode(': ping\n\n')), HEARTBEAT_MS);
      cleanup = () => {
        clearInterval(poll);
        clearInterval(heartbeat);
        stop();
        releaseStream(userId);
      };
      signal.addEventListener('abort', close);
      refresh();
    },
    cancel() {
      cleanup();
    },
  });
  return new Response(body, {
    headers: { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store, no-transform', Connection: 'keep-alive', 'X-Accel-Buffering': 'no' },
  });
}
