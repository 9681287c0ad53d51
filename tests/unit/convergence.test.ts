/**
 * Convergence: five editors against the real step authority and a temporary database,
 * with random concurrent typing, deletions, paragraph splits and claim creation, and
 * random delivery delays (each editor receives the stream of steps and claim events at
 * its own pace). At the end every editor and the server hold the same document and the
 * same claim ranges.
 */
import { textToDoc } from '@/lib/editor/import';
import fc from 'fast-check';
import { collab, getVersion, receiveTransaction, sendableSteps } from 'prosemirror-collab';
import { EditorState, TextSelection } from 'prosemirror-state';
import { Step } from 'prosemirror-transform';
import { beforeAll, describe, expect, it } from 'vitest';
import { getClaimsByDocumentId } from '@/db/queries/claims';
import { createClaim } from '@/lib/claims/commands';
import { currentDocument, evictDocument, receiveSteps, stepsSince } from '@/lib/collab/authority';
import { StepHistory } from '@/lib/collab/step-history';
import { createDocument } from '@/lib/documents/commands';
import { claimsConfirmKey, claimsKey, claimsPlugin, getClaimsState } from '@/lib/editor/claims-plugin';
import { schema } from '@/lib/editor/schema';
import { getDb } from '@/db';
import { demoReviewer } from '../support/demo-reviewer';

let userId: string;
let workspaceId: string;

beforeAll(async () => {
  ({ userId, workspaceId } = await demoReviewer());
});

interface ClaimEvent {
  id: string;
  from: number;
  to: number;
  orphaned: boolean;
  quote: { exact: string; prefix: string; suffix: string };
  version: number;
}

interface Client {
  name: string;
  state: EditorState;
  history: StepHistory;
  inbox: ClaimEvent[];
}

type Action =
  | { kind: 'type'; client: number; at: number; text: string }
  | { kind: 'delete'; client: number; at: number; length: number }
  | { kind: 'split'; client: number; at: number }
  | { kind: 'claim'; client: number; at: number; length: number }
  | { kind: 'send'; client: number }
  | { kind: 'receive'; client: number; max: number };

const N = 5;
const actionArb: fc.Arbitrary<Action> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('type' as const), client: fc.nat(N - 1), at: fc.nat(), text: fc.string({ unit: fc.constantFrom(...'abcxyz äöß'), minLength: 1, maxLength: 4 }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('delete' as const), client: fc.nat(N - 1), at: fc.nat(), length: fc.integer({ min: 1, max: 12 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('split' as const), client: fc.nat(N - 1), at: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('claim' as const), client: fc.nat(N - 1), at: fc.nat(), length: fc.integer({ min: 2, max: 20 }) }) },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('send' as const), client: fc.nat(N - 1) }) },
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('receive' as const), client: fc.nat(N - 1), max: fc.integer({ min: 1, max: 6 }) }) },
);

/** Text positions (inside textblocks) of a document. */
function textPositions(state: EditorState): number[] {
  const out: number[] = [];
  state.doc.descendants((node, pos) => {
    if (node.isTextblock) for (let i = 0; i <= node.content.size; i++) out.push(pos + 1 + i);
    return !node.isTextblock;
  });
  return out;
}

async function run(actions: Action[]) {
  const document = await createDocument({ userId, workspaceId, title: 'Convergence', language: 'de', format: 'text', article: { doc: textToDoc('Die NATO geht davon aus.\nRussland warnt vor Maßnahmen.\nPutin spricht mit Macron.'), meta: {}, comments: [] } });
  const ctx = { userId, role: 'reviewer' as const, workspaceId, documentId: document.id, documentStatus: 'draft' as const };
  const clients: Client[] = Array.from({ length: N }, (_, i) => ({
    name: `c${i}`,
    state: EditorState.create({ doc: schema.nodeFromJSON(document.doc), plugins: [collab({ version: 0, clientID: `c${i}` }), claimsPlugin([])] }),
    history: new StepHistory(schema.nodeFromJSON(document.doc), 0),
    inbox: [],
  }));

  const send = async (c: Client) => {
    const sendable = sendableSteps(c.state);
    if (!sendable) return;
    try {
      await receiveSteps({ documentId: document.id, userId, version: sendable.version, clientID: c.name, steps: sendable.steps.map((s) => s.toJSON()) });
    } catch (e) {
      if ((e as { status?: number }).status === 409) return; // behind: it will receive, then resend
      throw e;
    }
    const changes = c.history.confirm(sendable.version, sendable.steps);
    c.state = c.state.apply(receiveTransaction(c.state, sendable.steps, sendable.steps.map(() => c.name)).setMeta(claimsConfirmKey, { changes, confirmedDoc: c.history.confirmedDoc }));
  };

  // The stream delivers stored steps in order, `max` at a time.
  const receive = async (c: Client, max: number) => {
    const version = getVersion(c.state);
    const data = await stepsSince(document.id, version);
    const steps = data.steps.slice(0, max).map((j) => Step.fromJSON(schema, j));
    if (steps.length) {
      const changes = c.history.confirm(version, steps);
      c.state = c.state.apply(receiveTransaction(c.state, steps, data.clientIDs.slice(0, max)).setMeta(claimsConfirmKey, { changes, confirmedDoc: c.history.confirmedDoc }));
    }
    // Claim events are placed once the editor has the steps they refer to.
    c.inbox = c.inbox.filter((event) => {
      const placed = c.history.placeAnchor(event, event.version, c.state);
      if (!placed) return true;
      c.state = c.state.apply(c.state.tr.setMeta(claimsKey, { type: 'upsert', claim: { id: event.id, verdict: null, ...placed } }));
      return false;
    });
  };

  for (const action of actions) {
    const c = clients[action.client]!;
    if (action.kind === 'send') await send(c);
    else if (action.kind === 'receive') await receive(c, action.max);
    else if (action.kind === 'claim') {
      // Like the editor: a claim is placed only when all local edits are confirmed.
      if (sendableSteps(c.state)) continue;
      const positions = textPositions(c.state);
      const from = positions[action.at % positions.length]!;
      const to = Math.min(from + action.length, c.state.doc.resolve(from).end());
      if (!c.state.doc.textBetween(from, to).trim()) continue;
      let claim;
      try {
        claim = await createClaim(ctx, { from, to, version: getVersion(c.state) });
      } catch (e) {
        if ((e as { status?: number }).status === 409) continue;
        throw e;
      }
      for (const other of clients) other.inbox.push({ id: claim.id, from: claim.from, to: claim.to, orphaned: claim.orphaned, quote: claim.quote, version: getVersion(c.state) });
      await receive(c, 0);
    } else {
      const positions = textPositions(c.state);
      const pos = positions[action.at % positions.length]!;
      let tr = c.state.tr;
      if (action.kind === 'type') tr = tr.setSelection(TextSelection.create(c.state.doc, pos)).insertText(action.text);
      else if (action.kind === 'split') tr = tr.split(pos);
      else {
        const end = positions[Math.min(positions.length - 1, (action.at % positions.length) + action.length)]!;
        if (end <= pos) continue;
        tr = tr.delete(pos, end);
      }
      c.state = c.state.apply(tr);
    }
  }

  // Let everything arrive: send, receive, repeat until quiet.
  for (let round = 0; round < 50; round++) {
    for (const c of clients) {
      await send(c);
      await receive(c, Infinity);
    }
    if (clients.every((c) => !sendableSteps(c.state) && c.inbox.length === 0)) break;
  }
  for (const c of clients) await receive(c, Infinity);

  evictDocument(document.id);
  const stored = (await getDb().query.documents.findFirst({ where: (d, { eq: e }) => e(d.id, document.id) }))!;
  const serverDoc = schema.nodeFromJSON((await currentDocument(document.id)).doc);
  const serverClaims = (await getClaimsByDocumentId(document.id)).map((r) => ({ id: r.id, from: r.from, to: r.to, orphaned: r.orphaned }));
  serverClaims.sort((a, b) => a.id.localeCompare(b.id));
  if (process.env.CONVERGENCE_STATS) console.log(`version ${stored.version}, claims ${serverClaims.length}, orphaned ${serverClaims.filter((c) => c.orphaned).length}`);
  for (const c of clients) {
    expect(sendableSteps(c.state)).toBeNull();
    expect(getVersion(c.state)).toBe(stored.version);
    expect(c.state.doc.toJSON()).toEqual(serverDoc.toJSON());
    const mine = [...getClaimsState(c.state).claims.values()].map((m) => ({ id: m.id, from: m.anchor.from, to: m.anchor.to, orphaned: m.anchor.orphaned }));
    mine.sort((a, b) => a.id.localeCompare(b.id));
    expect(mine, `claims of ${c.name}`).toEqual(serverClaims);
  }
}

describe('convergence of five editors against the authority', () => {
  it('ends with identical documents and claim ranges everywhere', async () => {
    await fc.assert(fc.asyncProperty(fc.array(actionArb, { minLength: 40, maxLength: 250 }), run), { numRuns: 150 });
  }, 120_000);
});
