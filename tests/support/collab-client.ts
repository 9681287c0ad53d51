/**
 * A protocol client for tests and benchmarks: an editor state with prosemirror-collab that
 * talks HTTP to the app (POST steps, pull on 409), and remembers which versions the server
 * acknowledged. `base` may change: a client whose server died moves to another process.
 */
import { collab, getVersion, receiveTransaction, sendableSteps } from 'prosemirror-collab';
import { EditorState, TextSelection } from 'prosemirror-state';
import { Step } from 'prosemirror-transform';
import { schema } from '@/lib/editor/schema';

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
