/**
 * One client's Server-Sent Events stream of a document: every step after the client's
 * version, then live steps (read from the database, in order), claim changes and
 * presence, until the client goes away — or its access ends (checked every second).
 */
import { getDocumentCollabState, getStepsSince } from '@/db/queries/documents';
import { encodeEvent, eventStreamResponse, everyInterval } from '../api/sse';
import { AppError } from '../errors';
import { acquireStream, colorFor, enterDocument, leave, presenceOf, releaseStream, subscribe, type HubEvent } from './hub';

/** A client further behind than this reloads the document instead of replaying steps. */
export const MAX_CATCH_UP_STEPS = 10_000;
/** Most steps sent in one event. */
const STEPS_PER_EVENT = 1000;
const POLL_MS = 1000;

/** The encoded `steps` event of a hub event, shared by the streams that send it as it is. */
const encodedSteps = new WeakMap<HubEvent, Uint8Array>();

interface StreamProps {
  documentId: string;
  user: { id: string; name: string };
  sessionId: string;
  version: number;
  signal: AbortSignal;
  /**
   * Why the stream must end now (the session was revoked, the member removed, the role
   * changed), or null; asked every second. The client receives `reload` with the reason.
   */
  endReason?: () => Promise<string | null>;
}

/** The SSE response for a document, or throws 429 when the user has too many streams open. */
export function openDocumentStream({ documentId, user, sessionId, version, signal, endReason }: StreamProps): Response {
  if (!acquireStream(user.id)) {
    throw new AppError(429, 'rate_limited', 'Too many open connections to Factdesk. Close some tabs and reload this page.');
  }
  try {
    return documentEvents({ documentId, user, sessionId, version, signal, endReason });
  } catch (e) {
    // The stream could not be set up (its cleanup never ran): its slot is free again.
    releaseStream(user.id);
    throw e;
  }
}

function documentEvents({ documentId, user, sessionId, version, signal, endReason }: StreamProps): Response {
  return eventStreamResponse(signal, async ({ send, sendEncoded, close }) => {
    let sent = version;
    // Sends every stored step after the last one sent; the database decides the order.
    const flushOnce = async () => {
      const state = await getDocumentCollabState(documentId);
      if (!state || state.deletedAt) {
        send('reload', { reason: 'deleted' });
        return close();
      }
      if (state.version < sent || state.version - sent > MAX_CATCH_UP_STEPS) {
        send('reload', { reason: state.version < sent ? 'ahead' : 'too-far-behind', version: state.version });
        return close();
      }
      while (state.version > sent) {
        const rows = (await getStepsSince(documentId, sent)).slice(0, STEPS_PER_EVENT);
        if (!rows.length) break;
        send('steps', { version: sent, steps: rows.map((r) => r.step), clientIDs: rows.map((r) => r.clientId) });
        sent = rows[rows.length - 1]!.version;
      }
    };
    // One flush at a time (polls, events and the first flush would otherwise read the same
    // steps and send them twice); a flush asked for meanwhile runs once more after it.
    let flushing: Promise<void> | null = null;
    let again = false;
    const flushSteps = (): Promise<void> => {
      if (flushing) {
        again = true;
        return flushing;
      }
      flushing = (async () => {
        do {
          again = false;
          await flushOnce();
        } while (again);
      })().finally(() => {
        flushing = null;
      });
      return flushing;
    };
    const handle = async (event: HubEvent) => {
      // Steps that continue exactly where this stream is go out without a database read.
      if (event.type === 'steps' && !flushing && event.from === sent && event.steps?.length) {
        // Every stream at this version sends the same bytes: encoded once per event.
        let bytes = encodedSteps.get(event);
        if (!bytes) encodedSteps.set(event, (bytes = encodeEvent('steps', { version: event.from, steps: event.steps, clientIDs: event.clientIDs })));
        sendEncoded(bytes);
        sent += event.steps.length;
      } else if (event.type === 'steps') await flushSteps();
      else if (event.type === 'presence') send('presence', event.entries.filter((e) => e.sessionId !== sessionId));
      else send(event.type, event);
    };
    const onEvent = (event: HubEvent) => {
      handle(event).catch((e: unknown) => console.error('[factdesk] document stream event failed', e));
    };
    const unsubscribe = subscribe(documentId, onEvent);
    const poll = everyInterval(POLL_MS, 'document stream poll', async () => {
      const reason = await endReason?.();
      if (reason) {
        send('reload', { reason });
        return close();
      }
      await flushSteps();
    });
    send('hello', { sessionId, color: colorFor(user.id) });
    await flushSteps();
    // A session id already someone else's (only a crafted request) just stays out of presence.
    const entered = await enterDocument(documentId, { sessionId, userId: user.id, name: user.name, color: colorFor(user.id) });
    send('presence', (await presenceOf(documentId)).filter((e) => e.sessionId !== sessionId));
    return () => {
      clearInterval(poll);
      unsubscribe();
      releaseStream(user.id);
      if (entered) leave(documentId, sessionId).catch((e: unknown) => console.error('[factdesk] could not leave presence', e));
    };
  });
}
