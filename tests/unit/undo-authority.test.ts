/**
 * Undo through the step authority, request by request, with the anchors stored in SQLite
 * between requests: four Backspaces (one request each) and the one undo step that puts
 * "beta" back bring the claim back on all of "beta"; a selection that ends on a paragraph
 * boundary makes a claim on the words only.
 */
import { collab, getVersion, receiveTransaction, sendableSteps } from 'prosemirror-collab';
import { history, undo } from 'prosemirror-history';
import { EditorState, type Transaction } from 'prosemirror-state';
import { beforeAll, describe, expect, it } from 'vitest';
import { getClaimsByDocumentId } from '@/db/queries/claims';
import { findText } from '@/lib/claims/anchor';
import { createClaim } from '@/lib/claims/commands';
import { currentDocument, receiveSteps } from '@/lib/collab/authority';
import { createDocument } from '@/lib/documents/commands';
import { textToDoc } from '@/lib/editor/import';
import { schema } from '@/lib/editor/schema';
import { demoReviewer } from '../support/demo-reviewer';

let userId: string;
let workspaceId: string;

beforeAll(async () => {
  ({ userId, workspaceId } = await demoReviewer());
});

async function setup(text: string) {
  const document = await createDocument({ userId, workspaceId, title: 'Undo', language: 'en', format: 'text', article: { doc: textToDoc(text), meta: {}, comments: [] } });
  const ctx = { userId, role: 'reviewer' as const, workspaceId, documentId: document.id, documentStatus: 'draft' as const };
  const { doc, version } = await currentDocument(document.id);
  let state = EditorState.create({ doc: schema.nodeFromJSON(doc), plugins: [collab({ version, clientID: 'u' }), history()] });
  /** Applies a transaction and sends its steps in one request, as the editor does. */
  const apply = async (tr: Transaction) => {
    state = state.apply(tr);
    const sendable = sendableSteps(state)!;
    await receiveSteps({ documentId: document.id, userId, version: sendable.version, clientID: 'u', steps: sendable.steps.map((s) => s.toJSON()) });
    state = state.apply(receiveTransaction(state, sendable.steps, sendable.steps.map(() => 'u')));
  };
  return {
    ctx,
    document,
    get state() {
      return state;
    },
    apply,
    stored: async () => (await getClaimsByDocumentId(document.id))[0]!,
  };
}

describe('undo through the authority', () => {
  it('brings a claim back on all of "beta" after four Backspaces, one request each, and one undo', async () => {
    const t = await setup('Alpha beta gamma.');
    await createClaim(t.ctx, { ...findText(t.state.doc, 'beta')!, version: getVersion(t.state) });
    for (let i = 0; i < 4; i++) {
      const end = findText(t.state.doc, 'Alpha ')!.to + (4 - i);
      await t.apply(t.state.tr.delete(end - 1, end));
    }
    expect(await t.stored()).toMatchObject({ orphaned: true });
    const dispatched: Promise<void>[] = [];
    undo(t.state, (tr) => dispatched.push(t.apply(tr)));
    await Promise.all(dispatched);
    expect(t.state.doc.textContent).toBe('Alpha beta gamma.');
    expect(await t.stored()).toMatchObject({ orphaned: false, quoteExact: 'beta', ...findText(t.state.doc, 'beta')! });
  });

  it('creates a claim on the words of a selection that ends on the next paragraph’s start', async () => {
    const t = await setup('The mayor said so.\nNext paragraph.');
    const words = findText(t.state.doc, 'The mayor said so.')!;
    const claim = await createClaim(t.ctx, { from: words.from, to: words.to + 2, version: getVersion(t.state) });
    expect(claim.quote.exact).toBe('The mayor said so.');
    expect({ from: claim.from, to: claim.to }).toEqual(words);
  });
});
