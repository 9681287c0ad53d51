/**
 * A protocol client for tests and benchmarks: an editor state with prosemirror-collab that
 * talks HTTP to the app (POST steps, pull on 409), and remembers which versions the server
 * acknowledged. `base` may change: a client whose server died moves to another process.
 */
import { collab, getVersion, receiveTransaction, sendableSteps } from 'prosemirror-collab';
import { EditorState, TextSelection } from 'prosemirror-state';
import { Step } from 'prosemirror-transform';
import { expect } from 'vitest';
import { getStepsSince } from '@/db/queries/documents';
import { schema } from '@/lib/editor/schema';
import { openTestEngine } from './test-server';

/** A protocol client: an editor state with prosemirror-collab that talks HTTP. */
export class CollabClient {
  state: EditorState;
  acknowledged = new Map<number, unknown>();
  constructor(
    readonly name: string,
    readonly cookie: string,
    readonly documentId: string,
    doc: unknown,
    version: number,
    public base: string,
  ) {
    this.state = EditorState.create({ doc: schema.nodeFromJSON(doc), plugins: [collab({ version, clientID: name })] });
  }

  type(text: string) {
    const end = this.state.doc.firstChild!.nodeSize - 1;
    this.state = this.state.apply(this.state.tr.setSelection(TextSelection.create(this.state.doc, end)).insertText(text));
  }

  /** Sends unconfirmed steps; on 409 pulls and rebases. Network errors leave the steps unsent. */
  async sync(): Promise<void> {
    const sendable = sendableSteps(this.state);
    try {
      if (sendable) {
        const steps = sendable.steps.map((s) => s.toJSON());
        const res = await fetch(`${this.base}/api/documents/${this.documentId}/steps`, {
          method: 'POST',
          headers: { Cookie: this.cookie, 'Content-Type': 'application/json', Origin: this.base },
          body: JSON.stringify({ version: sendable.version, clientID: this.name, steps }),
        });
        if (res.ok) {
          steps.forEach((s, i) => this.acknowledged.set(sendable.version + i + 1, s));
          this.state = this.state.apply(receiveTransaction(this.state, sendable.steps, sendable.steps.map(() => this.name)));
          return;
        }
        if (res.status !== 409) throw new Error(`unexpected ${res.status}`);
      }
      const version = getVersion(this.state);
      const res = await fetch(`${this.base}/api/documents/${this.documentId}/steps?since=${version}`, { headers: { Cookie: this.cookie } });
      if (!res.ok) return;
      const data = (await res.json()) as { steps: unknown[]; clientIDs: string[] };
      if (getVersion(this.state) !== version || !data.steps.length) return;
      this.state = this.state.apply(receiveTransaction(this.state, data.steps.map((j) => Step.fromJSON(schema, j)), data.clientIDs));
    } catch (e) {
      if ((e as Error).message.startsWith('unexpected')) throw e;
      // The server is down: keep the steps and try again later.
    }
  }
}

/** Syncs until every client's steps are accepted and all are at one version (at most 30 rounds). */
export async function settle(clients: CollabClient[]): Promise<void> {
  for (let round = 0; round < 30 && clients.some((c) => sendableSteps(c.state) || getVersion(c.state) !== getVersion(clients[0]!.state)); round++) {
    for (const c of clients) await c.sync();
  }
}

/**
 * Asserts that every client holds the served document with nothing unsent, that every step
 * the server acknowledged to a client is stored at its version, and that the stored history
 * has no gaps. Returns the stored steps.
 */
export async function expectConvergedAndStored(clients: CollabClient[], served: { version: number; doc: unknown }, database: string, documentId: string) {
  const engine = await openTestEngine(database);
  const rows = await getStepsSince(documentId, 0, engine.db);
  await engine.close();
  const byVersion = new Map(rows.map((r) => [r.version, r.step]));
  for (const c of clients) {
    expect(sendableSteps(c.state)).toBeNull();
    expect(getVersion(c.state)).toBe(served.version);
    expect(c.state.doc.toJSON()).toEqual(served.doc);
    for (const [version, step] of c.acknowledged) expect(byVersion.get(version)).toEqual(step);
  }
  expect(rows.map((r) => r.version)).toEqual(Array.from({ length: served.version }, (_, i) => i + 1));
  return rows;
}
