/**
 * The review workflow over HTTP: claim and document transitions for every role, four eyes,
 * voided approvals, sign-off blockers, the lock, hash verification, comments, members and
 * the audit trail.
 */
import { sql } from 'drizzle-orm';
import { exec, rows } from '@/db';
import { Transform } from 'prosemirror-transform';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { findText } from '@/lib/claims/anchor';
import { schema } from '@/lib/editor/schema';
import { openTestEngine } from '../support/test-server';
import { ApiClient, expectError, signIn } from './client';

const TEXT = 'Putin warnte vor „militärisch-technischen Maßnahmen“. Die NATO will weiter reden.\nIn Polen stehen MK-41-Startanlagen.';
const SOURCE = { url: 'https://www.nato.int/cps/en/natohq/topics_8206.htm', title: 'NATO Ballistic Missile Defence' };

type Role = 'admin' | 'editor' | 'reviewer' | 'viewer';
type Status = 'open' | 'in_progress' | 'proposed' | 'approved' | 'dismissed';

let admin: ApiClient;
let editor: ApiClient;
let rita: ApiClient; // reviewer who proposes
let ben: ApiClient; // second reviewer
let viewer: ApiClient;
let other: ApiClient;
let ids: Record<string, string>;

/** One client per role; the reviewer acting in the table is Ben, so that Rita's proposals are not his own. */
const actor = (role: Role) => ({ admin, editor, reviewer: ben, viewer })[role];

async function newDocument(title = 'Workflow') {
  return (await rita.post('/api/documents', { title, language: 'de', content: TEXT })).body.document.id as string;
}

async function rangeOf(docId: string, text: string) {
  const { document } = (await rita.get(`/api/documents/${docId}`)).body;
  return { ...findText(schema.nodeFromJSON(document.doc), text)!, version: document.version as number };
}

async function newClaim(docId: string, text = 'MK-41-Startanlagen') {
  const res = await rita.post(`/api/documents/${docId}/claims`, await rangeOf(docId, text));
  expect(res.status).toBe(201);
  return res.body.claim as { id: string; rowVersion: number };
}

async function transition(client: ApiClient, claimId: string, action: string, comment?: string) {
  return client.post(`/api/claims/${claimId}/transitions`, { action, ...(comment ? { comment } : {}) });
}

async function ok(res: { status: number; body: any }) {
  if (res.status >= 300) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Rita fills in the verdict, rationale and a source. */
async function makeReady(claimId: string) {
  const { claim } = (await rita.get(`/api/claims/${claimId}`)).body;
  await ok(await rita.patch(`/api/claims/${claimId}`, { rowVersion: claim.rowVersion, verdict: 'needs_context', rationale: 'Die Anlage ist für SM-3 konfiguriert.' }));
  await ok(await rita.post(`/api/claims/${claimId}/sources`, SOURCE));
}

/** A claim brought to `status` by Rita (and Ben for the approval). */
async function claimIn(docId: string, status: Status) {
  const { id } = await newClaim(docId);
  if (status === 'open') return id;
  if (status === 'dismissed') {
    await ok(await transition(rita, id, 'dismiss', 'not check-worthy'));
    return id;
  }
  await ok(await transition(rita, id, 'start'));
  if (status === 'in_progress') return id;
  await makeReady(id);
  await ok(await transition(rita, id, 'propose'));
  if (status === 'proposed') return id;
  await ok(await transition(ben, id, 'approve'));
  return id;
}

const COMMENT = 'Bitte Quelle prüfen.';
const CLAIM_TABLE: { action: string; from: Status; to: Status }[] = [
  { action: 'start', from: 'open', to: 'in_progress' },
  { action: 'propose', from: 'in_progress', to: 'proposed' },
  { action: 'approve', from: 'proposed', to: 'approved' },
  { action: 'request_changes', from: 'proposed', to: 'in_progress' },
  { action: 'request_changes', from: 'approved', to: 'in_progress' },
  { action: 'dismiss', from: 'open', to: 'dismissed' },
  { action: 'dismiss', from: 'approved', to: 'dismissed' },
  { action: 'restore', from: 'dismissed', to: 'open' },
];
const ALLOWED_FROM: Record<string, Status[]> = {
  start: ['open'],
  propose: ['open', 'in_progress'],
  approve: ['proposed'],
  request_changes: ['proposed', 'approved'],
  dismiss: ['open', 'in_progress', 'proposed', 'approved'],
  restore: ['dismissed'],
};
const STATUSES: Status[] = ['open', 'in_progress', 'proposed', 'approved', 'dismissed'];

let docId: string;

beforeAll(async () => {
  [admin, editor, rita, ben, viewer] = await Promise.all(
    ['admin', 'editor', 'reviewer', 'reviewer2', 'viewer'].map((u) => ApiClient.as(`${u}@factdesk.test`)),
  );
  other = await ApiClient.as('other@elsewhere.test', 'other-desk-password');
  ids = Object.fromEntries((await admin.get('/api/members')).body.members.map((m: { email: string; id: string }) => [m.email.split('@')[0], m.id]));
  docId = await newDocument();
});

describe('claim transitions, for every role', () => {
  for (const { action, from, to } of CLAIM_TABLE) {
    for (const role of ['admin', 'editor', 'reviewer', 'viewer'] as Role[]) {
      const allowed = role !== 'viewer';
      it(`${action} from ${from}: ${role} ${allowed ? `→ ${to}` : 'refused 403'}`, async () => {
        const id = await claimIn(docId, from);
        // For "propose", the claim must be ready: Rita made it so only for later states.
        if (action === 'propose') await makeReady(id);
        const res = await transition(actor(role), id, action, COMMENT);
        if (allowed) {
          expect(res.status, JSON.stringify(res.body)).toBe(200);
          expect(res.body.claim.status).toBe(to);
        } else {
          expectError(res, 403, 'forbidden');
          expect((await rita.get(`/api/claims/${id}`)).body.claim.status).toBe(from);
        }
      });
    }
  }

  it('refuses every action in a state it does not apply to with 409, changing nothing', async () => {
    const byStatus = Object.fromEntries(await Promise.all(STATUSES.map(async (s) => [s, await claimIn(docId, s)] as const)));
    for (const [action, from] of Object.entries(ALLOWED_FROM)) {
      for (const status of STATUSES.filter((s) => !from.includes(s))) {
        const res = await transition(admin, byStatus[status]!, action, COMMENT);
        expectError(res, 409, 'conflict:state');
        expect(res.body.error.message).toMatch(/not possible while the claim is/);
        expect((await rita.get(`/api/claims/${byStatus[status]}`)).body.claim.status).toBe(status);
      }
    }
  });

  it('assigns a started claim to whoever started it', async () => {
    const { id } = await newClaim(docId);
    expect((await ok(await transition(ben, id, 'start'))).claim).toMatchObject({ status: 'in_progress', assigneeId: ids.reviewer2 });
  });

  it('refuses to propose without verdict, rationale and a source, and says what is missing', async () => {
    const id = await claimIn(docId, 'in_progress');
    const res = await transition(rita, id, 'propose');
    expectError(res, 409, 'conflict:state');
    expect(res.body.error.message).toBe('To propose a verdict the claim needs a verdict, a rationale and at least one source.');
  });

  it('needs a comment to request changes (which opens a thread) and a reason to dismiss', async () => {
    const id = await claimIn(docId, 'proposed');
    expectError(await transition(ben, id, 'request_changes'), 400, 'invalid:body');
    expectError(await transition(ben, id, 'dismiss', '   '), 400, 'invalid:body');
    await ok(await transition(ben, id, 'request_changes', 'Die Quelle ist von 2016, bitte aktualisieren.'));
    const comments = (await rita.get(`/api/claims/${id}/comments`)).body.comments;
    expect(comments).toMatchObject([{ body: 'Die Quelle ist von 2016, bitte aktualisieren.', authorId: ids.reviewer2, parentId: null }]);
    const dismissed = (await ok(await transition(ben, id, 'dismiss', 'not check-worthy'))).claim;
    expect(dismissed).toMatchObject({ status: 'dismissed', dismissReason: 'not check-worthy' });
    expect((await ok(await transition(rita, id, 'restore'))).claim).toMatchObject({ status: 'in_progress', dismissReason: null });
  });

  it('answers bad bodies with 400, unknown and foreign claims with 404', async () => {
    const id = await claimIn(docId, 'open');
    expectError(await rita.post(`/api/claims/${id}/transitions`, 'nope', { 'Content-Type': 'application/json' }), 400, 'invalid:json');
    expectError(await rita.post(`/api/claims/${id}/transitions`, { action: 'publish' }), 400, 'invalid:body');
    expectError(await rita.post(`/api/claims/${id}/transitions`, { action: 'dismiss', comment: '<b>no</b>' }), 400, 'invalid:body');
    expectError(await rita.post('/api/claims/nope/transitions', { action: 'start' }), 404, 'not_found');
    expectError(await other.post(`/api/claims/${id}/transitions`, { action: 'start' }), 404, 'not_found');
    expectError(await new ApiClient().post(`/api/claims/${id}/transitions`, { action: 'start' }), 401, 'unauthenticated');
  });
});

describe('four eyes', () => {
  it('refuses self-approval: nobody approves a verdict they proposed', async () => {
    const id = await claimIn(docId, 'proposed');
    const res = await transition(rita, id, 'approve');
    expectError(res, 403, 'forbidden:four_eyes');
    expect(res.body.error.message).toMatch(/You proposed this verdict/);
    expect((await rita.get(`/api/claims/${id}`)).body.claim.status).toBe('proposed');
  });

  it('refuses approval by whoever changed the verdict last', async () => {
    const id = await claimIn(docId, 'proposed');
    const { claim } = (await ben.get(`/api/claims/${id}`)).body;
    await ok(await ben.patch(`/api/claims/${id}`, { rowVersion: claim.rowVersion, rationale: 'Präziser: nur SM-3.' }));
    expectError(await transition(ben, id, 'approve'), 403, 'forbidden:four_eyes');
    expect((await ok(await transition(editor, id, 'approve'))).claim).toMatchObject({ status: 'approved', approvedBy: ids.editor, proposedBy: ids.reviewer });
  });

  it('voids an approval when the verdict, rationale, statement or sources change, and records it', async () => {
    const id = await claimIn(docId, 'approved');
    let { claim } = (await rita.get(`/api/claims/${id}`)).body;
    expect(claim).toMatchObject({ status: 'approved', approvedBy: ids.reviewer2 });
    // Tags are not part of the verdict: the approval stands.
    claim = (await ok(await rita.patch(`/api/claims/${id}`, { rowVersion: claim.rowVersion, tags: ['Polen'] }))).claim;
    expect(claim.status).toBe('approved');
    claim = (await ok(await rita.patch(`/api/claims/${id}`, { rowVersion: claim.rowVersion, verdict: 'false' }))).claim;
    expect(claim).toMatchObject({ status: 'proposed', approvedBy: null, lastChangedBy: ids.reviewer });
    await ok(await transition(ben, id, 'approve'));
    await ok(await ben.post(`/api/claims/${id}/sources`, { url: 'https://example.org/zweite-quelle' }));
    expect((await rita.get(`/api/claims/${id}`)).body.claim).toMatchObject({ status: 'proposed', lastChangedBy: ids.reviewer2 });
    // Ben changed the sources last, so Ben cannot approve now; Erik can.
    expectError(await transition(ben, id, 'approve'), 403, 'forbidden:four_eyes');
    await ok(await transition(editor, id, 'approve'));
    const actions = (await rita.get(`/api/claims/${id}/history`)).body.events.map((e: { action: string }) => e.action);
    expect(actions.filter((a: string) => a === 'claim.approval_voided')).toHaveLength(2);
  });
});

describe('document transitions, sign-off and lock', () => {
  const DOC_TABLE: { action: string; from: 'draft' | 'in_review' | 'signed_off'; allowed: Role[] }[] = [
    { action: 'submit', from: 'draft', allowed: ['admin', 'editor', 'reviewer'] },
    { action: 'sign_off', from: 'in_review', allowed: ['admin', 'editor'] },
    { action: 'reopen', from: 'signed_off', allowed: ['admin', 'editor'] },
  ];

  async function documentIn(status: 'draft' | 'in_review' | 'signed_off') {
    const id = await newDocument(`Document ${status}`);
    if (status === 'draft') return id;
    await ok(await rita.post(`/api/documents/${id}/transitions`, { action: 'submit' }));
    if (status === 'signed_off') await ok(await editor.post(`/api/documents/${id}/transitions`, { action: 'sign_off' }));
    return id;
  }

  for (const { action, from, allowed } of DOC_TABLE) {
    for (const role of ['admin', 'editor', 'reviewer', 'viewer'] as Role[]) {
      it(`${action} from ${from}: ${role} ${allowed.includes(role) ? 'allowed' : 'refused 403'}`, async () => {
        const id = await documentIn(from);
        const res = await actor(role).post(`/api/documents/${id}/transitions`, { action, reason: 'Neue Quelle aufgetaucht.' });
        if (allowed.includes(role)) {
          expect(res.status, JSON.stringify(res.body)).toBe(200);
          expect(res.body.document.status).toBe({ submit: 'in_review', sign_off: 'signed_off', reopen: 'draft' }[action]);
        } else {
          expectError(res, 403, 'forbidden');
          expect((await rita.get(`/api/documents/${id}`)).body.document.status).toBe(from);
        }
      });
    }
  }

  it('refuses document actions in the wrong state with 409', async () => {
    const draft = await documentIn('draft');
    expectError(await editor.post(`/api/documents/${draft}/transitions`, { action: 'sign_off' }), 409, 'conflict:state');
    expectError(await editor.post(`/api/documents/${draft}/transitions`, { action: 'reopen', reason: 'x' }), 409, 'conflict:state');
    const signed = await documentIn('signed_off');
    expectError(await editor.post(`/api/documents/${signed}/transitions`, { action: 'submit' }), 409, 'conflict:state');
    expectError(await editor.post(`/api/documents/${signed}/transitions`, { action: 'reopen' }), 400, 'invalid:body');
    expectError(await editor.post(`/api/documents/${signed}/transitions`, { action: 'archive' }), 400, 'invalid:body');
    expectError(await other.post(`/api/documents/${signed}/transitions`, { action: 'reopen', reason: 'x' }), 404, 'not_found');
  });

  it('blocks sign-off while a claim is neither approved nor dismissed, and lists exactly those claims', async () => {
    const id = await newDocument('Blocked');
    const open = await claimIn(id, 'open');
    const approved = await claimIn(id, 'approved');
    const dismissed = await claimIn(id, 'dismissed');
    await ok(await rita.post(`/api/documents/${id}/transitions`, { action: 'submit' }));
    const res = await editor.post(`/api/documents/${id}/transitions`, { action: 'sign_off' });
    expectError(res, 409, 'conflict:state');
    expect(res.body.error.blockers.map((b: { id: string }) => b.id)).toEqual([open]);
    const listed = (await viewer.get('/api/documents?status=in_review')).body.documents.find((d: { id: string }) => d.id === id);
    expect(listed).toMatchObject({ status: 'in_review', claims: 3, claimsDone: 2 });
    expect((await viewer.get(`/api/documents/${id}/signoff`)).body.blockers).toMatchObject([{ id: open, status: 'open' }]);
    await ok(await transition(rita, open, 'dismiss', 'Meinung, keine Tatsachenbehauptung'));
    const signed = await ok(await editor.post(`/api/documents/${id}/transitions`, { action: 'sign_off' }));
    expect(signed.document).toMatchObject({ status: 'signed_off', revision: 1 });
    expect(signed.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(signed.blockers).toEqual([]);
    expect([approved, dismissed]).toHaveLength(2);
  });

  it('locks a signed-off document: steps, claim edits, sources and transitions are refused with 423', async () => {
    const id = await newDocument('Locked');
    const claimId = await claimIn(id, 'approved');
    const { body: src } = await rita.get(`/api/claims/${claimId}`);
    await ok(await rita.post(`/api/documents/${id}/transitions`, { action: 'submit' }));
    await ok(await editor.post(`/api/documents/${id}/transitions`, { action: 'sign_off' }));
    const { document } = (await rita.get(`/api/documents/${id}`)).body;
    const tr = new Transform(schema.nodeFromJSON(document.doc)).insert(1, schema.text('X'));
    const steps = await rita.post(`/api/documents/${id}/steps`, { version: document.version, clientID: 'c', steps: tr.steps.map((s: { toJSON(): unknown }) => s.toJSON()) });
    expectError(steps, 423, 'locked');
    expect(steps.body.error.message).toMatch(/signed off/);
    expectError(await rita.patch(`/api/claims/${claimId}`, { rowVersion: src.claim.rowVersion, verdict: 'true' }), 423, 'locked');
    expectError(await rita.post(`/api/documents/${id}/claims`, await rangeOf(id, 'Putin')), 423, 'locked');
    expectError(await rita.post(`/api/claims/${claimId}/sources`, SOURCE), 423, 'locked');
    expectError(await rita.patch(`/api/sources/${src.claim.sources[0].id}`, { title: 'x' }), 423, 'locked');
    expectError(await rita.delete(`/api/claims/${claimId}`), 423, 'locked');
    expectError(await transition(ben, claimId, 'request_changes', 'x'), 423, 'locked');
    const after = (await rita.get(`/api/claims/${claimId}`)).body.claim;
    expect(after).toEqual(src.claim);
    expect((await rita.get(`/api/documents/${id}`)).body.document.version).toBe(document.version);
    // Discussion stays possible.
    expect((await viewer.post(`/api/claims/${claimId}/comments`, { body: 'Gut gemacht.' })).status).toBe(201);
  });

  it('verifies the stored hash, detects a change made directly in the database, and keeps every sign-off after a reopen', async () => {
    const id = await newDocument('Verified');
    const claimId = await claimIn(id, 'approved');
    expectError(await viewer.get(`/api/documents/${id}/verify`), 409, 'conflict:state');
    await ok(await rita.post(`/api/documents/${id}/transitions`, { action: 'submit' }));
    const { hash } = await ok(await editor.post(`/api/documents/${id}/transitions`, { action: 'sign_off' }));
    expect(await ok(await viewer.get(`/api/documents/${id}/verify`))).toMatchObject({ matches: true, signedHash: hash, currentHash: hash, revision: 1 });

    const engine = await openTestEngine(inject('database'));
    await engine.transaction((tx) => exec(tx, sql`UPDATE claims SET rationale = ${'Heimlich geändert.'} WHERE id = ${claimId}`));
    await engine.close();
    const tampered = await ok(await viewer.get(`/api/documents/${id}/verify`));
    expect(tampered.matches).toBe(false);
    expect(tampered.currentHash).not.toBe(hash);

    await ok(await editor.post(`/api/documents/${id}/transitions`, { action: 'reopen', reason: 'Rationale prüfen' }));
    const { document } = (await rita.get(`/api/documents/${id}`)).body;
    expect(document).toMatchObject({ status: 'draft', revision: 2 });
    await ok(await rita.post(`/api/documents/${id}/transitions`, { action: 'submit' }));
    const second = await ok(await admin.post(`/api/documents/${id}/transitions`, { action: 'sign_off' }));
    expect(second.document.revision).toBe(2);
    const { signoffs } = (await viewer.get(`/api/documents/${id}/signoff`)).body;
    expect(signoffs).toMatchObject([
      { revision: 2, hash: second.hash, signedByName: 'Ada Admin', reopenedAt: null },
      { revision: 1, hash, signedByName: 'Erik Editor', reopenedByName: 'Erik Editor', reopenReason: 'Rationale prüfen' },
    ]);
    expect((await viewer.get(`/api/documents/${id}/verify`)).body.matches).toBe(true);
  });
});

describe('comment threads', () => {
  it('adds threads and replies, finds @mentions, lets authors edit and delete their own, resolves and reopens threads', async () => {
    const claimId = await claimIn(docId, 'open');
    const url = `/api/claims/${claimId}/comments`;
    const first = await viewer.post(url, { body: '@Ben Reviewer kannst du das prüfen? Und @rita reviewer auch.' });
    expect(first.status).toBe(201);
    expect(first.body.comment).toMatchObject({ authorName: 'Vera Viewer', parentId: null, mentions: [ids.reviewer2, ids.reviewer], resolved: false });
    const reply = await ben.post(url, { body: 'Mache ich.', parentId: first.body.comment.id });
    expect(reply.body.comment.parentId).toBe(first.body.comment.id);
    // A reply to a reply hangs on the thread.
    const nested = await rita.post(url, { body: 'Danke', parentId: reply.body.comment.id });
    expect(nested.body.comment.parentId).toBe(first.body.comment.id);

    expectError(await rita.patch(`/api/comments/${reply.body.comment.id}`, { body: 'Gefälscht' }), 403, 'forbidden');
    expectError(await rita.delete(`/api/comments/${reply.body.comment.id}`), 403, 'forbidden');
    const edited = await ok(await ben.patch(`/api/comments/${reply.body.comment.id}`, { body: 'Erledigt, @Vera Viewer.' }));
    expect(edited.comments[1]).toMatchObject({ body: 'Erledigt, @Vera Viewer.', mentions: [ids.viewer] });
    expect(edited.comments[1].editedAt).not.toBeNull();

    expectError(await rita.patch(`/api/comments/${reply.body.comment.id}`, { resolved: true }), 400, 'invalid:body');
    const resolved = await ok(await rita.patch(`/api/comments/${first.body.comment.id}`, { resolved: true }));
    expect(resolved.comments[0]).toMatchObject({ resolved: true, resolvedBy: ids.reviewer });
    expectError(await rita.patch(`/api/comments/${first.body.comment.id}`, { resolved: true }), 409, 'conflict:state');
    expect((await ok(await viewer.patch(`/api/comments/${first.body.comment.id}`, { resolved: false }))).comments[0].resolved).toBe(false);

    expect((await rita.delete(`/api/comments/${nested.body.comment.id}`)).status).toBe(204);
    const list = (await viewer.get(url)).body.comments;
    expect(list).toHaveLength(3);
    expect(list[2]).toMatchObject({ deleted: true, body: '' });
    expectError(await rita.delete(`/api/comments/${nested.body.comment.id}`), 404, 'not_found');
  });

  it('refuses bad comments and foreign ones', async () => {
    const claimId = await claimIn(docId, 'open');
    const url = `/api/claims/${claimId}/comments`;
    expectError(await rita.post(url, { body: '' }), 400, 'invalid:body');
    expectError(await rita.post(url, { body: '<script>alert(1)</script>' }), 400, 'invalid:body');
    expectError(await rita.post(url, { body: 'x'.repeat(5001) }), 400, 'invalid:body');
    expectError(await rita.post(url, { body: 'x', parentId: 'missing' }), 404, 'not_found');
    expectError(await other.post(url, { body: 'x' }), 404, 'not_found');
    expectError(await other.get(url), 404, 'not_found');
    const { comment } = (await rita.post(url, { body: 'Mein Kommentar' })).body;
    expectError(await other.patch(`/api/comments/${comment.id}`, { body: 'x' }), 404, 'not_found');
    expect((await rita.get(url)).body.comments).toHaveLength(1);
  });
});

describe('members', () => {
  it('lets an admin invite someone new: they sign in with the one-time password, choose their own, join, and can be given another role and removed', async () => {
    const res = await admin.post('/api/members', { email: 'Neu@Factdesk.test', name: 'Nora Neu', role: 'reviewer' });
    expect(res.status).toBe(201);
    expect(res.body.invitation).toMatchObject({ email: 'neu@factdesk.test', name: 'Nora Neu', role: 'reviewer' });
    expect(res.body.initialPassword).toMatch(/^.{16,}$/);
    expect((await admin.get('/api/members')).body.invitations.map((i: { email: string }) => i.email)).toContain('neu@factdesk.test');
    expectError(await admin.post('/api/members', { email: 'neu@factdesk.test', name: 'Nora', role: 'viewer' }), 409, 'conflict:state');
    const nora = new ApiClient((await signIn('neu@factdesk.test', res.body.initialPassword)).cookie);
    expectError(await nora.get('/api/invitations'), 403, 'forbidden:password_change_required');
    await ok(await nora.post('/api/account/password', { currentPassword: res.body.initialPassword, newPassword: 'noras-eigenes-passwort' }));
    const { invitations } = await ok(await nora.get('/api/invitations'));
    expect(invitations).toEqual([expect.objectContaining({ workspaceName: 'Demo desk', role: 'reviewer', invitedByName: 'Ada Admin' })]);
    // Nobody else can accept it.
    expectError(await rita.post(`/api/invitations/${invitations[0].id}/accept`), 404, 'not_found');
    await ok(await nora.post(`/api/invitations/${invitations[0].id}/accept`));
    const members = (await admin.get('/api/members')).body;
    const joined = members.members.find((m: { email: string }) => m.email === 'neu@factdesk.test');
    expect(joined).toMatchObject({ name: 'Nora Neu', role: 'reviewer' });
    expect(members.invitations.map((i: { email: string }) => i.email)).not.toContain('neu@factdesk.test');
    const changed = await ok(await admin.patch(`/api/members/${joined.id}`, { role: 'editor' }));
    expect(changed.member.role).toBe('editor');
    expect((await admin.delete(`/api/members/${joined.id}`)).status).toBe(204);
    expect((await admin.get('/api/members')).body.members.map((m: { email: string }) => m.email)).not.toContain('neu@factdesk.test');
  });

  it('refuses non-admins, bad input, and demoting or removing the last admin', async () => {
    expectError(await editor.post('/api/members', { email: 'x@factdesk.test', name: 'X', role: 'viewer' }), 403, 'forbidden');
    expectError(await rita.patch(`/api/members/${ids.viewer}`, { role: 'admin' }), 403, 'forbidden');
    expectError(await viewer.delete(`/api/members/${ids.reviewer}`), 403, 'forbidden');
    expectError(await admin.post('/api/members', { email: 'not-an-email', name: 'X', role: 'viewer' }), 400, 'invalid:body');
    expectError(await admin.post('/api/members', { email: 'y@factdesk.test', name: '<b>Y</b>', role: 'viewer' }), 400, 'invalid:body');
    expectError(await admin.post('/api/members', { email: 'y@factdesk.test', name: 'Y', role: 'owner' }), 400, 'invalid:body');
    expectError(await admin.patch(`/api/members/${ids.admin}`, { role: 'editor' }), 409, 'conflict:state');
    expectError(await admin.delete(`/api/members/${ids.admin}`), 409, 'conflict:state');
    expectError(await admin.patch('/api/members/nobody', { role: 'editor' }), 404, 'not_found');
    expect((await viewer.get('/api/members')).body.members.find((m: { id: string }) => m.id === ids.admin).role).toBe('admin');
    expect((await viewer.get('/api/members')).body.permissions['member:manage']).toBe(false);
  });
});

describe('audit trail', () => {
  it('records every action with actor, before and after, and tells it in sentences', async () => {
    const id = await newDocument('Audited');
    const claimId = await claimIn(id, 'approved');
    await ok(await rita.post(`/api/claims/${claimId}/comments`, { body: 'Fertig.' }));
    await ok(await rita.post(`/api/documents/${id}/transitions`, { action: 'submit' }));
    await ok(await editor.post(`/api/documents/${id}/transitions`, { action: 'sign_off' }));
    await ok(await editor.post(`/api/documents/${id}/transitions`, { action: 'reopen', reason: 'Tippfehler' }));
    const { events } = (await viewer.get(`/api/documents/${id}/history`)).body;
    expect(events.map((e: { action: string }) => e.action)).toEqual([
      'document.created',
      'claim.created',
      'claim.start',
      'claim.updated',
      'source.added',
      'claim.propose',
      'claim.approve',
      'comment.added',
      'document.submit',
      'document.sign_off',
      'document.reopen',
    ]);
    const approve = events.find((e: { action: string }) => e.action === 'claim.approve');
    expect(approve).toMatchObject({ actorId: ids.reviewer2, actorName: 'Ben Reviewer', before: { status: 'proposed' }, after: { status: 'approved', verdict: 'needs_context' } });
    expect(approve.summary).toBe('Ben Reviewer approved the verdict Needs context on “MK-41-Startanlagen”');
    expect(events.at(-1).summary).toBe('Erik Editor reopened the document as revision 2: “Tippfehler”');
    const claimEvents = (await viewer.get(`/api/claims/${claimId}/history`)).body.events;
    expect(claimEvents.map((e: { action: string }) => e.action)).toEqual(['claim.created', 'claim.start', 'claim.updated', 'source.added', 'claim.propose', 'claim.approve', 'comment.added']);
    expectError(await other.get(`/api/documents/${id}/history`), 404, 'not_found');
    expectError(await other.get(`/api/claims/${claimId}/history`), 404, 'not_found');
    expectError(await viewer.get(`/api/documents/${id}/history?after=-1`), 400, 'invalid:query');
  });

  it('has an event for every kind of action taken in this file, each with its actor', async () => {
    // The table-driven tests above ran every transition on `docId`; the comment tests too.
    const { events } = (await viewer.get(`/api/documents/${docId}/history?limit=1000`)).body;
    const actions = new Set(events.map((e: { action: string }) => e.action));
    for (const action of [
      'document.created',
      'claim.created',
      'claim.updated',
      'source.added',
      'claim.start',
      'claim.propose',
      'claim.approve',
      'claim.request_changes',
      'claim.dismiss',
      'claim.restore',
      'claim.approval_voided',
      'comment.added',
      'comment.replied',
      'comment.edited',
      'comment.deleted',
      'comment.resolved',
      'comment.reopened',
    ]) {
      expect(actions, action).toContain(action);
    }
    expect(events.every((e: { actorId: string | null; summary: string }) => e.actorId && e.summary && !e.summary.includes(': claim.'))).toBe(true);
    const engine = await openTestEngine(inject('database'));
    const db = engine.db;
    try {
      const memberActions = await rows<{ action: string }>(db, sql`SELECT DISTINCT action FROM events WHERE subject_type = 'member' ORDER BY action`);
      // (Other files of this run add password resets and declined invitations.)
      expect(memberActions.map((r) => r.action)).toEqual(expect.arrayContaining(['member.added', 'member.removed', 'member.role_changed']));
      const invitationActions = await rows<{ action: string }>(db, sql`SELECT DISTINCT action FROM events WHERE subject_type = 'invitation'`);
      expect(invitationActions.map((r) => r.action)).toContain('member.invited');
      const signoffActions = await rows<{ action: string }>(db, sql`SELECT DISTINCT action FROM events WHERE action LIKE 'document.%' ORDER BY action`);
      expect(signoffActions.map((r) => r.action)).toEqual(expect.arrayContaining(['document.reopen', 'document.sign_off', 'document.submit']));
    } finally {
      await engine.close();
    }
  });

  it('cannot be changed: the database refuses UPDATE and DELETE on events', async () => {
    const engine = await openTestEngine(inject('database'));
    try {
      // What the database said (drizzle wraps it as the cause of its own error).
      const refusal = (p: Promise<unknown>) => p.then(() => 'accepted', (e: Error) => `${e.message} ${(e.cause as Error | undefined)?.message ?? ''}`);
      expect(await refusal(engine.transaction((tx) => exec(tx, sql`UPDATE events SET action = 'forged'`)))).toMatch(/append-only/);
      expect(await refusal(engine.transaction((tx) => exec(tx, sql`DELETE FROM events`)))).toMatch(/append-only/);
      expect(await rows<{ n: number }>(engine.db, sql`SELECT count(*) AS n FROM events WHERE action = 'forged'`)).toEqual([{ n: 0 }]);
    } finally {
      await engine.close();
    }
  });
});
