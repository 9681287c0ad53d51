/**
 * Sends the editor's unconfirmed steps to the authority and confirms them
 * (prosemirror-collab). One request is in flight at a time; steps made meanwhile are
 * batched into the next. A 409 is answered by fetching the newer steps, rebasing and
 * resending; network failures are retried with exponential back-off.
 */
import { getVersion, receiveTransaction, sendableSteps } from 'prosemirror-collab';
import type { EditorState, Transaction } from 'prosemirror-state';
import { Step } from 'prosemirror-transform';
import { schema } from '@/lib/editor/schema';

/** What the user sees about saving. */
export type SaveState =
  | { kind: 'saved' }
  | { kind: 'saving'; unsent: number }
  | { kind: 'offline'; unsent: number; retryInMs: number }
  | { kind: 'error'; message: string };

interface Options {
  documentId: string;
  getState: () => EditorState;
  dispatch: (tr: Transaction) => void;
  onSaveState: (state: SaveState) => void;
}

const MAX_BACKOFF_MS = 30_000;

/** Keeps one document's local steps flowing to the server. */
export class CollabConnection {
  private inFlight = false;
  private failures = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private stopped = false;
  private idleWaiters: { resolve: () => void; reject: (e: Error) => void }[] = [];

  constructor(private readonly options: Options) {}

  /** Call after every transaction: sends pending steps unless a request is already out. */
  schedule(): void {
    if (this.inFlight || this.retryTimer || this.stopped) return;
    const sendable = sendableSteps(this.options.getState());
    if (!sendable) {
      this.options.onSaveState({ kind: 'saved' });
      this.idleWaiters.splice(0).forEach((w) => w.resolve());
      return;
    }
    void this.send();
  }

  /** Resolves once every local step is confirmed by the server (rejects if they are refused). */
  flush(timeoutMs = 10_000): Promise<void> {
    if (!sendableSteps(this.options.getState())) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('Your latest edits are not saved yet, so the claim cannot be placed. Check the connection and try again.')), timeoutMs);
      this.idleWaiters.push({
        resolve: () => (clearTimeout(timer), resolve()),
        reject: (e) => (clearTimeout(timer), reject(e)),
      });
      this.schedule();
    });
  }

  /** Number of local steps the server has not confirmed yet. */
  unsentCount(): number {
    return sendableSteps(this.options.getState())?.steps.length ?? 0;
  }

  /** Stops retrying (the editor is going away). */
  stop(): void {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
  }

  private async send(): Promise<void> {
    const sendable = sendableSteps(this.options.getState());
    if (!sendable) return;
    this.inFlight = true;
    this.options.onSaveState({ kind: 'saving', unsent: sendable.steps.length });
    try {
      const res = await fetch(`/api/documents/${this.options.documentId}/steps`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ version: sendable.version, clientID: String(sendable.clientID), steps: sendable.steps.map((s) => s.toJSON()) }),
      });
      if (res.ok) {
        this.failures = 0;
        this.options.dispatch(
          receiveTransaction(this.options.getState(), sendable.steps, sendable.steps.map(() => sendable.clientID)),
        );
      } else if (res.status === 409) {
        await this.catchUp();
      } else if (res.status >= 500) {
        throw new Error(`server answered ${res.status}`);
      } else {
        const body = await res.json().catch(() => null);
        this.stopped = true;
        const message = body?.error?.message ?? `Your last change was refused (${res.status}). Reload the page to continue.`;
        this.options.onSaveState({ kind: 'error', message });
        this.idleWaiters.splice(0).forEach((w) => w.reject(new Error(message)));
        return;
      }
    } catch {
      this.inFlight = false;
      this.retryLater();
      return;
    }
    this.inFlight = false;
    this.schedule();
  }

  /** Fetches the steps others made since our version and rebases our unconfirmed ones on them. */
  private async catchUp(): Promise<void> {
    const version = getVersion(this.options.getState());
    const res = await fetch(`/api/documents/${this.options.documentId}/steps?since=${version}`);
    if (!res.ok) throw new Error(`catch-up failed with ${res.status}`);
    const data = (await res.json()) as { steps: unknown[]; clientIDs: string[] };
    const state = this.options.getState();
    if (getVersion(state) !== version) return; // someone else already caught us up
    this.options.dispatch(
      receiveTransaction(
        state,
        data.steps.map((json) => Step.fromJSON(schema, json)),
        data.clientIDs,
      ),
    );
  }

  private retryLater(): void {
    const delay = Math.min(MAX_BACKOFF_MS, 500 * 2 ** this.failures) * (0.75 + Math.random() * 0.5);
    this.failures++;
    this.options.onSaveState({ kind: 'offline', unsent: this.unsentCount(), retryInMs: delay });
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.schedule();
    }, delay);
  }
}
