import { textToDoc } from '@/lib/editor/import';
import { collab, getVersion, receiveTransaction, sendableSteps } from 'prosemirror-collab';
import { EditorState, TextSelection } from 'prosemirror-state';
import { Step } from 'prosemirror-transform';
import { beforeAll, describe, expect, it } from 'vitest';
import { exec, getEngine, rows, writeTransaction } from '@/db';
import { getStepsSince } from '@/db/queries/documents';
import { seedDemo } from '@/db/seed';
import { currentDocument, evictDocument, receiveSteps, stepsSince } from '@/lib/collab/authority';
import { createDocument } from '@/lib/documents/commands';
import { schema } from '@/lib/editor/schema';
import { getDb as db } from '@/db';
import { users } from '@/db/schema';
import { eq, sql, type SQL } from 'drizzle-orm';

/** Writes as another process would: raw SQL, past this process's caches. */
function writeDirectly(...statements: SQL[]) {
  return writeTransaction(async (tx) => {
    for (const statement of statements) await exec(tx, statement);
  });
}

let userId: string;
let workspaceId: string;

beforeAll(async () => {
  await seedDemo(getEngine());
  const reviewer = (await db().select().from(users).where(eq(users.email, 'reviewer@factdesk.test')))[0]!;
  userId = reviewer.id;
  workspaceId = (await db().query.memberships.findFirst({ where: (m, { eq: e }) => e(m.userId, userId) }))!.workspaceId;
});

function newDocument(text = 'Hello world.') {
  return createDocument({ userId, workspaceId, title: 'T', language: 'en', format: 'text', article: { doc: textToDoc(text), meta: {}, comments: [] } });
}

/** An editor state as a browser would hold it. */
function client(doc: unknown, version: number, clientID: string) {
  return EditorState.create({ doc: schema.nodeFromJSON(doc), plugins: [collab({ version, clientID })] });
}

/** Sends a client's pending steps; returns the confirmed state, or catches up on 409 and returns the rebased state. */
async function sync(state: EditorState, documentId: string): Promise<EditorState> {
  const sendable = sendableSteps(state);
  if (!sendable) return state;
  try {
    await receiveSteps({ documentId, userId, version: sendable.version, clientID: String(sendable.clientID), steps: sendable.steps.map((s) => s.toJSON()) });
    return state.apply(receiveTransaction(state, sendable.steps, sendable.steps.map(() => sendable.clientID)));
  } catch (e) {
    if ((e as { status?: number }).status !== 409) throw e;
    const since = await stepsSince(documentId, getVersion(state));
    return sync(state.apply(receiveTransaction(state, since.steps.map((j) => Step.fromJSON(schema, j)), since.clientIDs)), documentId);
  }
}

function type(state: EditorState, text: string, pos: number) {
  return state.apply(state.tr.setSelection(TextSelection.create(state.doc, pos)).insertText(text));
}

describe('step authority', () => {
  it('stores accepted steps, one row per version, and the new document in the same transaction', async () => {
    const doc = await newDocument();
    const a = client(doc.doc, 0, 'a');
    const after = await sync(type(a, 'Oh, ', 1), doc.id);
    expect(getVersion(after)).toBe(1);
    const stored = await getStepsSince(doc.id, 0);
    expect(stored.map((s) => s.version)).toEqual([1]);
    const row = (await db().query.documents.findFirst({ where: (d, { eq: e }) => e(d.id, doc.id) }))!;
    expect(row.version).toBe(1);
    evictDocument(doc.id);
    expect(schema.nodeFromJSON((await currentDocument(doc.id)).doc).textContent).toBe('Oh, Hello world.');
  });

  it('stores requests of more steps than one insert carries (120, then 51) and the version they reach', async () => {
    const doc = await newDocument();
    let a = client(doc.doc, 0, 'a');
    for (let i = 0; i < 120; i++) a = type(a, String(i % 10), 1);
    a = await sync(a, doc.id);
    expect(getVersion(a)).toBe(120);
    for (let i = 0; i < 51; i++) a = type(a, 'x', 1);
    a = await sync(a, doc.id);
    expect(getVersion(a)).toBe(171);
    expect((await getStepsSince(doc.id, 0)).map((s) => s.version)).toEqual(Array.from({ length: 171 }, (_, i) => i + 1));
    expect((await db().query.documents.findFirst({ where: (d, { eq: e }) => e(d.id, doc.id) }))!.version).toBe(171);
    evictDocument(doc.id);
    expect(schema.nodeFromJSON((await currentDocument(doc.id)).doc).textContent).toBe(a.doc.textContent);
  });

  it('refuses a stale version with 409 and writes nothing', async () => {
    const doc = await newDocument();
    const a = type(client(doc.doc, 0, 'a'), 'A', 1);
    const b = type(client(doc.doc, 0, 'b'), 'B', 13);
    await sync(a, doc.id);
    const sendable = sendableSteps(b)!;
    await expect(receiveSteps({ documentId: doc.id, userId, version: 0, clientID: 'b', steps: sendable.steps.map((s) => s.toJSON()) })).rejects.toMatchObject({
      status: 409,
      code: 'conflict:version',
    });
    expect(await getStepsSince(doc.id, 0)).toHaveLength(1);
  });

  it('two clients editing the same paragraph at once converge after catching up', async () => {
    const doc = await newDocument('Der Text.');
    let a = client(doc.doc, 0, 'a');
    let b = client(doc.doc, 0, 'b');
    a = type(a, 'Alpha ', 1);
    b = type(b, ' Beta', 4);
    a = await sync(a, doc.id);
    b = await sync(b, doc.id); // 409 → catch up → resend
    a = await sync(a.apply(receiveTransaction(a, (await stepsSince(doc.id, getVersion(a))).steps.map((j) => Step.fromJSON(schema, j)), (await stepsSince(doc.id, getVersion(a))).clientIDs)), doc.id);
    expect(a.doc.eq(b.doc)).toBe(true);
    expect(a.doc.textContent).toBe('Alpha Der Beta Text.');
    evictDocument(doc.id); // the database alone reproduces the same document
    const stored = (await db().query.documents.findFirst({ where: (d, { eq: e }) => e(d.id, doc.id) }))!;
    expect(schema.nodeFromJSON((await currentDocument(doc.id)).doc).eq(a.doc)).toBe(true);
    expect(stored.version).toBe(2);
  });

  it('rejects a batch whose second step does not apply, keeping the first one out too', async () => {
    const doc = await newDocument();
    const a = type(client(doc.doc, 0, 'a'), 'ok', 1);
    const good = sendableSteps(a)!.steps[0]!.toJSON();
    await expect(receiveSteps({ documentId: doc.id, userId, version: 0, clientID: 'a', steps: [good, { stepType: 'replace', from: 999, to: 1000 }] })).rejects.toMatchObject({
      status: 400,
      code: 'invalid:step',
    });
    expect(await getStepsSince(doc.id, 0)).toHaveLength(0);
    // The cache was not poisoned by the rejected batch: the good step alone still applies.
    expect(await receiveSteps({ documentId: doc.id, userId, version: 0, clientID: 'a', steps: [good] })).toEqual({ version: 1 });
  });

  it('a second writer that already took version N+1 wins even when this process has the document cached', async () => {
    const doc = await newDocument();
    const a = type(client(doc.doc, 0, 'a'), 'A', 1);
    await sync(a, doc.id); // cached at version 1
    // Another process appends version 2 directly.
    const other = type(client(doc.doc, 0, 'x'), 'A', 1);
    const tr = type(other, 'Z', 2);
    const zStep = sendableSteps(tr)!.steps[1]!.toJSON();
    const { documentSnapshots, steps } = await import('@/db/schema');
    await writeTransaction(async (tx) => {
      await tx.insert(steps).values({ documentId: doc.id, version: 2, step: zStep, clientId: 'x', createdAt: new Date(0) });
      await exec(tx, sql`UPDATE documents SET version = 2 WHERE id = ${doc.id}`);
      await tx.update(documentSnapshots).set({ version: 2, doc: tr.doc.toJSON() }).where(eq(documentSnapshots.documentId, doc.id));
    });
    await expect(receiveSteps({ documentId: doc.id, userId, version: 1, clientID: 'a', steps: [zStep] })).rejects.toMatchObject({ status: 409 });
    const at2 = type(client(tr.doc.toJSON(), 2, 'a'), '!', 1);
    await receiveSteps({ documentId: doc.id, userId, version: 2, clientID: 'a', steps: sendableSteps(at2)!.steps.map((s) => s.toJSON()) });
    evictDocument(doc.id);
    expect(schema.nodeFromJSON((await currentDocument(doc.id)).doc).textContent).toBe('!AZHello world.');
  });

  it('refuses steps for a signed-off document', async () => {
    const doc = await newDocument();
    await writeDirectly(sql`UPDATE documents SET status = 'signed_off' WHERE id = ${doc.id}`);
    const a = type(client(doc.doc, 0, 'a'), 'x', 1);
    await expect(sync(a, doc.id)).rejects.toMatchObject({ status: 423, code: 'locked' });
  });
});

describe('claim anchors in the step authority', () => {
  it('stores current ranges and quotes in the same transaction as the steps, orphans and re-attaches', async () => {
    const { createClaim } = await import('@/lib/claims/commands');
    const { getClaimsByDocumentId } = await import('@/db/queries/claims');
    const { findText } = await import('@/lib/claims/anchor');
    const doc = await newDocument('Russland warnt vor militärisch-technischen Maßnahmen.');
    const node = schema.nodeFromJSON(doc.doc);
    const range = findText(node, 'militärisch-technischen Maßnahmen')!;
    const ctx = { userId, role: 'reviewer' as const, workspaceId, documentId: doc.id, documentStatus: 'draft' as const };
    const claim = await createClaim(ctx, { ...range, version: 0 });
    expect(claim.quote).toEqual({ exact: 'militärisch-technischen Maßnahmen', prefix: 'Russland warnt vor ', suffix: '.' });

    let a = client(doc.doc, 0, 'a');
    a = await sync(type(a, 'Heute: ', 1), doc.id);
    let row = (await getClaimsByDocumentId(doc.id))[0]!;
    expect([row.from, row.to]).toEqual([range.from + 7, range.to + 7]);
    expect(row.quotePrefix).toBe('Heute: Russland warnt vor ');

    // Delete the claimed words: the claim is orphaned, keeps its quote, and is never dropped.
    const deleting = a.apply(a.tr.delete(row.from, row.to));
    a = await sync(deleting, doc.id);
    row = (await getClaimsByDocumentId(doc.id))[0]!;
    expect(row).toMatchObject({ orphaned: true, quoteExact: 'militärisch-technischen Maßnahmen' });
    expect(row.from).toBe(row.to);

    // Re-inserting the deleted words where they were (what undo sends) brings the anchor back.
    const inverted = a.apply(a.tr.insertText('militärisch-technischen Maßnahmen', row.from));
    await sync(inverted, doc.id);
    row = (await getClaimsByDocumentId(doc.id))[0]!;
    expect(row.orphaned).toBe(false);
    expect(inverted.doc.textBetween(row.from, row.to)).toBe('militärisch-technischen Maßnahmen');
  });

  it('refuses a claim on a stale version, an empty range or a range outside the document', async () => {
    const { createClaim } = await import('@/lib/claims/commands');
    const doc = await newDocument('Kurz.');
    const ctx = { userId, role: 'reviewer' as const, workspaceId, documentId: doc.id, documentStatus: 'draft' as const };
    await sync(type(client(doc.doc, 0, 'a'), 'x', 1), doc.id);
    await expect(createClaim(ctx, { from: 1, to: 3, version: 0 })).rejects.toMatchObject({ status: 409 });
    await expect(createClaim(ctx, { from: 2, to: 2, version: 1 })).rejects.toMatchObject({ status: 400 });
    await expect(createClaim(ctx, { from: 2, to: 999, version: 1 })).rejects.toMatchObject({ status: 400 });
    // (Who may is the route guard's decision: tests/api/permissions.test.ts walks the table.)
  });
});

describe('snapshots', () => {
  it('stores a snapshot every SNAPSHOT_INTERVAL versions and rebuilds the current document from it and the later steps', async () => {
    const { SNAPSHOT_INTERVAL } = await import('@/lib/collab/authority');
    const doc = await newDocument('Start.');
    let a = client(doc.doc, 0, 'a');
    for (let i = 0; i < SNAPSHOT_INTERVAL + 7; i++) a = await sync(type(a, String(i % 10), 1), doc.id);
    const row = (await rows<{ version: number; docVersion: number; doc: string }>(
      db(),
      sql`SELECT d.version, s.version AS "docVersion", s.doc FROM documents d JOIN document_snapshots s ON s.document_id = d.id WHERE d.id = ${doc.id}`,
    ))[0]!;
    expect(row).toMatchObject({ version: SNAPSHOT_INTERVAL + 7, docVersion: SNAPSHOT_INTERVAL });
    const stored: unknown = typeof row.doc === 'string' ? JSON.parse(row.doc) : row.doc;
    expect(schema.nodeFromJSON(stored).textContent).not.toBe(a.doc.textContent);
    evictDocument(doc.id);
    const current = await currentDocument(doc.id);
    expect(current.version).toBe(SNAPSHOT_INTERVAL + 7);
    expect(schema.nodeFromJSON(current.doc).eq(a.doc)).toBe(true);
  });
});

describe('the cache is only a cache', () => {
  it('catches up with steps another process stored, and accepts steps on top of them', async () => {
    const { insertStepsAndUpdateDocument } = await import('@/db/queries/documents');
    const doc = await newDocument('Shared text.');
    let a = client(doc.doc, 0, 'a');
    a = await sync(type(a, 'A', 1), doc.id); // cached at version 1
    // Another process (same database file, its own cache) accepts a step meanwhile.
    const b = client(a.doc.toJSON(), getVersion(a), 'b');
    const other = type(b, 'B', b.doc.content.size - 1);
    const otherSteps = sendableSteps(other)!.steps.map((s) => s.toJSON());
    await getEngine().transaction((tx) => insertStepsAndUpdateDocument({ documentId: doc.id, fromVersion: 1, steps: otherSteps, clientId: 'b', userId }, tx));
    expect((await currentDocument(doc.id)).version).toBe(2);
    expect(schema.nodeFromJSON((await currentDocument(doc.id)).doc).textContent).toBe('AShared text.B');
    // This process's client is told it is behind, catches up, and its step lands on top.
    a = await sync(type(a, 'C', 2), doc.id);
    expect(getVersion(a)).toBe(3);
    expect(schema.nodeFromJSON((await currentDocument(doc.id)).doc).eq(a.doc)).toBe(true);
    expect(a.doc.textContent).toBe('ACShared text.B');
  });
});

