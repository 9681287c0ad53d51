/**
 * Convergence: five editors against the real step authority and a temporary database,
 * with random concurrent typing, deletions, paragraph splits and claim creation, and
 * random delivery delays (each editor receives the stream of steps and claim events at
 * its own pace). At the end every editor and the server hold the same document and the
 * same claim ranges.
 */
import { textToDoc } from '@/lib/editor/import';
import fc from 'fast-check';
import { beforeAll, describe, it } from 'vitest';
import { getClaimsByDocumentId } from '@/db/queries/claims';
import { receiveSteps } from '@/lib/collab/authority';
import { createDocument } from '@/lib/documents/commands';
import { schema } from '@/lib/editor/schema';
import { editTransaction, expectConverged, markClaim, receive, send, settle, simClient, type SimClient } from '../support/collab-sim';
import { demoReviewer } from '../support/demo-reviewer';

let userId: string;
let workspaceId: string;

beforeAll(async () => {
  ({ userId, workspaceId } = await demoReviewer());
});

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

async function run(actions: Action[]) {
  const document = await createDocument({ userId, workspaceId, title: 'Convergence', language: 'de', format: 'text', article: { doc: textToDoc('Die NATO geht davon aus.\nRussland warnt vor Maßnahmen.\nPutin spricht mit Macron.'), meta: {}, comments: [] } });
  const ctx = { userId, role: 'reviewer' as const, workspaceId, documentId: document.id, documentStatus: 'draft' as const };
  const clients: SimClient[] = Array.from({ length: N }, (_, i) => simClient(`c${i}`, schema.nodeFromJSON(document.doc)));
  const sendOne = (c: SimClient) => send(c, (version, steps) => receiveSteps({ documentId: document.id, userId, version, clientID: c.name, steps }));

  for (const action of actions) {
    const c = clients[action.client]!;
    if (action.kind === 'send') await sendOne(c);
    else if (action.kind === 'receive') await receive(c, document.id, action.max);
    else if (action.kind === 'claim') await markClaim(clients, c, ctx, action.at, action.length);
    else {
      const tr = editTransaction(c.state, action);
      if (tr) c.state = c.state.apply(tr);
    }
  }

  await settle(clients, sendOne, document.id);

  const { version } = await expectConverged(clients, document.id);
  if (process.env.CONVERGENCE_STATS) {
    const claims = await getClaimsByDocumentId(document.id);
    console.log(`version ${version}, claims ${claims.length}, orphaned ${claims.filter((c) => c.orphaned).length}`);
  }
}

describe('convergence of five editors against the authority', () => {
  it('ends with identical documents and claim ranges everywhere', async () => {
    await fc.assert(fc.asyncProperty(fc.array(actionArb, { minLength: 40, maxLength: 250 }), run), { numRuns: 150 });
  }, 120_000);
});
