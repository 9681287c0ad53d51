/**
 * Server-Sent Events responses: one channel per client with `send`, `close` and a heartbeat
 * comment every 15 s; closing (by the server, the client going away, or the request being
 * aborted) runs the stream's own cleanup exactly once.
 */
const encoder = new TextEncoder();
const HEARTBEAT_MS = 15_000;

/**
 * Runs `tick` every `ms` (a stream's poll); a failure is logged with `label` instead of
 * becoming an unhandled rejection. Returns the timer for clearInterval.
 */
export function everyInterval(ms: number, label: string, tick: () => Promise<void>): ReturnType<typeof setInterval> {
  return setInterval(() => {
    tick().catch((e: unknown) => console.error(`[factdesk] ${label} failed`, e));
  }, ms);
}

/** One Server-Sent Event, encoded. */
export function encodeEvent(event: string, data: unknown): Uint8Array {
  return encoder.encode(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
}

export interface EventChannel {
  /** Sends an event (nothing once closed). */
  send(event: string, data: unknown): void;
  /** Sends bytes already encoded with `encodeEvent` (shared by many streams). */
  sendEncoded(bytes: Uint8Array): void;
  close(): void;
}

/**
 * The response of an event stream. `start` sets the stream up and returns its cleanup (stop
 * listening, clear timers, release counters), which runs once when the stream ends.
 */
export function eventStreamResponse(signal: AbortSignal, start: (channel: EventChannel) => Promise<() => void> | (() => void)): Response {
  let finish = () => {};
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      let closed = false;
      let cleanup: (() => void) | null = null;
      const enqueue = (bytes: Uint8Array) => {
        if (!closed) controller.enqueue(bytes);
      };
      const heartbeat = setInterval(() => enqueue(encoder.encode(': ping\n\n')), HEARTBEAT_MS);
      finish = () => {
        if (closed) return;
        closed = true;
        clearInterval(heartbeat);
        cleanup?.();
      };
      const channel: EventChannel = {
        send: (event, data) => enqueue(encodeEvent(event, data)),
        sendEncoded: enqueue,
        close: () => {
          if (closed) return;
          finish();
          try {
            controller.close();
          } catch {
            // already closed by the client
          }
        },
      };
      signal.addEventListener('abort', channel.close);
      try {
        cleanup = await start(channel);
      } catch (e) {
        channel.close();
        throw e;
      }
      // The stream may have ended while it was being set up (or the client left before it began).
      if (signal.aborted) channel.close();
      if (closed) cleanup();
    },
    cancel() {
      finish();
    },
  });
  return new Response(body, {
    headers: { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-cache, no-transform', Connection: 'keep-alive', 'X-Accel-Buffering': 'no' },
  });
}
