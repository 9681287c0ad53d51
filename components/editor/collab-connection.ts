/**
 * The editor's connection to the collaboration authority (prosemirror-collab).
 *
 * Sending: one request is in flight at a time; steps made meanwhile are batched into the
 * next, at most MAX_STEPS_PER_REQUEST to a request (more go in the requests after it). A
 * 409 is answered by fetching the newer steps, rebasing and resending; network failures
 * are retried with exponential back-off, and edits made offline stay in the editor until
 * they are accepted.
 *
 * Receiving: a Server-Sent Events stream from the editor's version delivers everyone's
 * steps in order (own steps confirm the unconfirmed ones), claim changes and presence.
 * When it breaks it is reopened from the current version, with back-off.
 */
import { errorText } from '../ui/error-text';
import { countChanges } from '@/lib/editor/changes';
import { getVersion, receiveTransaction, sendableSteps } from 'prosemirror-collab';
import type { EditorState, Transaction } from 'prosemirror-state';
import { Step } from 'prosemirror-transform';
import type { PresenceEntry } from '@/lib/collab/hub';
import { MAX_STEPS_PER_REQUEST } from '@/lib/collab/limits';
import { StepHistory } from '@/lib/collab/step-history';
import type { ClaimJSON } from '@/lib/claims/serialize';
import { claimsConfirmKey } from '@/lib/editor/claims-plugin';
import { schema } from '@/lib/editor/schema';

/** What the user sees about saving and the connection. */
export type SaveState =
  | { kind: 'saved' }
  | { kind: 'saving'; unsent: number }
  | { kind: 'offline'; unsent: number; retryInMs: number }
  | { kind: 'error'; message: string };

/** The state of the live connection. */
export type LinkState = 'connecting' | 'connected' | 'reconnecting' | 'offline';

/** Claim events from other people. */
export type ClaimEvent = { type: 'claim'; claim: ClaimJSON; version: number; moved: boolean } | { type: 'claim-deleted'; id: string };

interface Options {
  documentId: string;
  getState: () => EditorState;
  dispatch: (tr: Transaction) => void;
  onSaveState: (state: SaveState) => void;
  onLinkState?: (state: LinkState) => void;
  onPresence?: (entries: PresenceEntry[]) => void;
  onClaimEvent?: (event: ClaimEvent) => void;
  /** The document's review status changed (submitted, signed off, reopened). */
  onDocumentEvent?: (event: { status: string; revision: number }) => void;
  /** A suggested correction's note or comments changed. */
  onSuggestionEvent?: (suggestionId: string) => void;
  /** A claim's comments changed. */
  onCommentsEvent?: (claimId: string) => void;
  /** Called when the server says the document must be reloaded. */
  onReload?: (reason: string) => void;
  /** Open the live stream (off in tests of the sender alone). */
  live?: boolean;
}

const MAX_BACKOFF_MS = 30_000;

function backoff(failures: number) {
  return Math.min(MAX_BACKOFF_MS, 500 * 2 ** failures) * (0.75 + Math.random() * 0.5);
}

/** Keeps one document's steps flowing both ways. */
export class CollabConnection {
  /** This editor's session: its presence and its event stream. */
  readonly sessionId = crypto.randomUUID().replace(/-/g, '');
  /** The confirmed document and recent confirmed steps, for placing remote ranges. */
  readonly history: StepHistory;
  private inFlight = false;
  private failures = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private stopped = false;
  private idleWaiters: { resolve: () => void; reject: (e: Error) => void }[] = [];
  private source: EventSource | null = null;
  private streamFailures = 0;
  private streamTimer: ReturnType<typeof setTimeout> | null = null;
  private presenceTimer: ReturnType<typeof setTimeout> | null = null;
  private lastPresence = '';
  private presenceRetries = 0;

  constructor(private readonly options: Options) {
    const state = options.getState();
    this.history = new StepHistory(state.doc, getVersion(state));
    if (options.live !== false) {
      this.openStream();
      window.addEventListener('online', this.onOnline);
      window.addEventListener('offline', this.onOffline);
    }
  }

  /** Call after every transaction: sends pending steps unless a request is already out. */
  schedule(): void {
    if (this.inFlight || this.retryTimer || this.stopped) return;
    const sendable = sendableSteps(this.options.getState());
    if (!sendable) {
      this.options.onSaveState({ kind: 'saved' });
      this.idleWaiters.splice(0).forEach((w) => w.resolve());
      this.schedulePresence();
      return;
    }
    void this.send();
  }

  /** Resolves once every local step is confirmed by the server (rejects if they are refused). */
  flush(timeoutMs = 10_000): Promise<void> {
    if (!sendableSteps(this.options.getState())) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(errorText('notSavedPlaced', 'Your latest edits are not saved yet, so the claim cannot be placed. Check the connection and try again.'))), timeoutMs);
      this.idleWaiters.push({
        resolve: () => (clearTimeout(timer), resolve()),
        reject: (e) => (clearTimeout(timer), reject(e)),
      });
      this.schedule();
    });
  }

  /** Number of local changes (not keystrokes: lib/editor/changes.ts) the server has not confirmed yet. */
  unsentCount(): number {
    return countChanges(sendableSteps(this.options.getState())?.steps ?? []);
  }

  /** Stops sending, receiving and retrying (the editor is going away). */
  stop(): void {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.streamTimer) clearTimeout(this.streamTimer);
    if (this.presenceTimer) clearTimeout(this.presenceTimer);
    this.source?.close();
    this.source = null;
    window.removeEventListener('online', this.onOnline);
    window.removeEventListener('offline', this.onOffline);
  }

  /** Reports the caret after a selection change (throttled; only when all steps are confirmed). */
  schedulePresence(): void {
    if (this.presenceTimer || this.stopped || this.options.live === false) return;
    this.presenceTimer = setTimeout(() => {
      this.presenceTimer = null;
      void this.sendPresence();
    }, 120);
  }

  private async sendPresence(): Promise<void> {
    const state = this.options.getState();
    if (sendableSteps(state)) return; // positions would not match the server's document yet
    const { anchor, head } = state.selection;
    const body = JSON.stringify({ session: this.sessionId, anchor, head, version: getVersion(state) });
    if (body === this.lastPresence) return;
    this.lastPresence = body;
    const res = await fetch(`/api/documents/${this.options.documentId}/presence`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body }).catch(() => null);
    if (!res?.ok) {
      this.lastPresence = '';
      // 409: the server has not registered this editor's stream yet (it just opened): try again shortly.
      if (res?.status === 409 && this.presenceRetries++ < 5) setTimeout(() => this.schedulePresence(), 400);
    } else this.presenceRetries = 0;
  }

  private async send(): Promise<void> {
    const all = sendableSteps(this.options.getState());
    if (!all) return;
    // Long runs (minutes typed offline) go in requests the server accepts, one after another.
    const sendable = { ...all, steps: all.steps.slice(0, MAX_STEPS_PER_REQUEST) };
    this.inFlight = true;
    this.options.onSaveState({ kind: 'saving', unsent: countChanges(all.steps) });
    try {
      const res = await fetch(`/api/documents/${this.options.documentId}/steps`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ version: sendable.version, clientID: String(sendable.clientID), steps: sendable.steps.map((s) => s.toJSON()) }),
      });
      if (res.ok) {
        this.failures = 0;
        // The stream may already have delivered (and so confirmed) some or all of them.
        const state = this.options.getState();
        const done = getVersion(state) - sendable.version;
        if (done >= 0 && done < sendable.steps.length) {
          const rest = sendable.steps.slice(done);
          const changes = this.history.confirm(sendable.version + done, rest);
          this.options.dispatch(
            receiveTransaction(state, rest, rest.map(() => sendable.clientID)).setMeta(claimsConfirmKey, { changes, confirmedDoc: this.history.confirmedDoc }),
          );
        }
      } else if (res.status === 409) {
        await this.catchUp();
      } else if (res.status >= 500) {
        throw new Error(`server answered ${res.status}`);
      } else {
        const body = await res.json().catch(() => null);
        this.stopped = true;
        // A refused step means this editor and the server disagree: say what to do, not why.
        const code = body?.error?.code as string | undefined;
        const message =
          code === 'invalid:step'
            ? errorText('diverged', 'Your latest edit could not be saved because the document changed in a way this page did not follow. Copy any text you want to keep, then reload the page.')
            : code === 'locked'
              ? errorText('signedOffMeanwhile', 'The document was signed off before your last edits were saved. They are still shown here: copy what you want to keep. An editor can reopen the document.')
              : (body?.error?.message ?? errorText('refused', `Your last change was refused (${res.status}). Reload the page to continue.`, { status: res.status }));
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
    // The answer's `version` is where the document is now; its steps start at `since`.
    const data = (await res.json()) as { version: number; steps: unknown[]; clientIDs: string[] };
    this.applyRemote({ ...data, version });
  }

  /** Applies a run of confirmed steps that starts at `version`, skipping the ones we already have. */
  private applyRemote(data: { version: number; steps: unknown[]; clientIDs: string[] }): boolean {
    const state = this.options.getState();
    const current = getVersion(state);
    const from = data.version ?? current;
    if (from > current) return false; // a gap: the caller reopens the stream from our version
    const skip = current - from;
    if (skip >= data.steps.length) return true;
    const steps = data.steps.slice(skip).map((json) => Step.fromJSON(schema, json));
    const changes = this.history.confirm(current, steps);
    this.options.dispatch(receiveTransaction(state, steps, data.clientIDs.slice(skip)).setMeta(claimsConfirmKey, { changes, confirmedDoc: this.history.confirmedDoc }));
    return true;
  }

  private retryLater(): void {
    const delay = backoff(this.failures++);
    this.options.onSaveState({ kind: 'offline', unsent: this.unsentCount(), retryInMs: delay });
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.schedule();
    }, delay);
  }

  private openStream(): void {
    if (this.stopped) return;
    this.source?.close();
    const version = getVersion(this.options.getState());
    const source = new EventSource(`/api/documents/${this.options.documentId}/events?version=${version}&session=${this.sessionId}`);
    this.source = source;
    this.options.onLinkState?.(this.streamFailures ? 'reconnecting' : 'connecting');
    source.addEventListener('open', () => {
      this.streamFailures = 0;
      this.options.onLinkState?.('connected');
      this.lastPresence = '';
      this.schedulePresence();
      // Anything that failed while we were away goes out now.
      if (this.retryTimer) {
        clearTimeout(this.retryTimer);
        this.retryTimer = null;
      }
      this.schedule();
    });
    source.addEventListener('steps', (e) => {
      if (!this.applyRemote(JSON.parse((e as MessageEvent).data))) this.reopenStream();
    });
    source.addEventListener('presence', (e) => this.options.onPresence?.(JSON.parse((e as MessageEvent).data)));
    source.addEventListener('claim', (e) => this.options.onClaimEvent?.({ ...JSON.parse((e as MessageEvent).data), type: 'claim' }));
    source.addEventListener('claim-deleted', (e) => this.options.onClaimEvent?.({ ...JSON.parse((e as MessageEvent).data), type: 'claim-deleted' }));
    source.addEventListener('document', (e) => this.options.onDocumentEvent?.(JSON.parse((e as MessageEvent).data)));
    source.addEventListener('comments', (e) => this.options.onCommentsEvent?.(JSON.parse((e as MessageEvent).data).claimId));
    source.addEventListener('suggestion', (e) => this.options.onSuggestionEvent?.(JSON.parse((e as MessageEvent).data).suggestionId));
    source.addEventListener('reload', (e) => {
      this.stop();
      this.options.onReload?.(JSON.parse((e as MessageEvent).data).reason);
    });
    source.addEventListener('error', () => {
      // EventSource would retry with the old version in its URL; we reopen from ours.
      source.close();
      if (this.source === source) this.reopenStream();
    });
  }

  private reopenStream(): void {
    this.source?.close();
    this.source = null;
    if (this.stopped || this.streamTimer) return;
    const delay = backoff(this.streamFailures++);
    this.options.onLinkState?.(navigator.onLine === false ? 'offline' : 'reconnecting');
    this.streamTimer = setTimeout(() => {
      this.streamTimer = null;
      this.openStream();
    }, delay);
  }

  private onOnline = () => {
    this.streamFailures = 0;
    if (this.streamTimer) {
      clearTimeout(this.streamTimer);
      this.streamTimer = null;
    }
    this.openStream();
  };

  private onOffline = () => {
    this.options.onLinkState?.('offline');
  };
}
