/**
 * Suggested corrections over HTTP, in "Correction desk" (a new workspace: reviewers may only
 * suggest, four eyes on): who may send what steps, the list, accept and reject for each role,
 * four eyes, the sign-off gate, the lock, bad input, the workspace settings, the audit trail
 * and the report.
 */
import { transformToSuggestionTransaction } from '@handlewithcare/prosemirror-suggest-changes';
import { EditorState, type Transaction } from 'prosemirror-state';
import { beforeAll, describe, expect, it } from 'vitest';
import { findText } from '@/lib/claims/anchor';
import { schema } from '@/lib/editor/schema';
import { CORRECTION_DESK } from '../support/fixtures';
import { pdfText } from '../support/pdf-text';
import { ApiClient, baseUrl, expectError, ok } from './client';

const TEXT = 'Die USA haben MK-41-Shuttles in Polen stationiert.\nRussland warnt vor Maßnahmen.';

let admin: ApiClient;
let editor: ApiClient;
let rhea: ApiClient;
let rolf: ApiClient;
let viewer: ApiClient;
let demoEditor: ApiClient;
const idOf: Record<string, string> = {};

beforeAll(async () => {
  const [a, e, r1, r2, v] = await Promise.all(CORRECTION_DESK.users.map((u) => ApiClient.as(u.email, CORRECTION_DESK.password)));
  [admin, editor, rhea, rolf, viewer] = [a!, e!, r1!, r2!, v!];
  demoEditor = await ApiClient.as('editor@factdesk.test');
  for (const m of (await admin.get('/api/members')).body.members as { id: string; email: string }[]) idOf[m.email] = m.id;
});

async function newDocument() {
  return (await ok(await editor.post('/api/documents', { title: 'Korrektur', language: 'de', content: TEXT }))).document.id as string;
}

async function load(client: ApiClient, id: string) {
  const { document } = (await client.get(`/api/documents/${id}`)).body;
  return { version: document.version as number, state: EditorState.create({ doc: schema.nodeFromJSON(document.doc) }) };
}

let n = 0;
/** Steps as the editor in Suggesting sends them, with suggestion ids of `email`'s user. */
function suggested(state: EditorState, tr: Transaction, email: string) {
  return transformToSuggestionTransaction(tr, state, () => `${idOf[email]}:api${String(++n).padStart(5, '0')}`).steps.map((s) => s.toJSON());
}

/** `client` replaces `from` with `to` in Suggesting (ids of `email`). */
async function suggest(client: ApiClient, email: string, id: string, from: string, to: string) {
  const { version, state } = await load(client, id);
  const range = findText(state.doc, from)!;
  return client.post(`/api/documents/${id}/steps`, { version, clientID: email, steps: suggested(state, state.tr.insertText(to, range.from, range.to), email) });
}

describe('who may change the text how', () => {
  it('refuses a reviewer’s direct edit with 403 forbidden:suggest_only and stores nothing; takes her suggestion', async () => {
    const id = await newDocument();
    const { version, state } = await load(rhea, id);
    const range = findText(state.doc, 'Shuttles')!;
    const direct = state.tr.insertText('Startanlagen', range.from, range.to).steps.map((s) => s.toJSON());
    const refused = await rhea.post(`/api/documents/${id}/steps`, { version, clientID: 'rhea', steps: direct });
    expectError(refused, 403, 'forbidden:suggest_only');
    expect(refused.body.error.message).toContain('Switch to Suggesting');
    expect((await load(rhea, id)).version).toBe(version);
    // Formatting directly is refused too.
    expectError(await rhea.post(`/api/documents/${id}/steps`, { version, clientID: 'rhea', steps: state.tr.addMark(range.from, range.to, schema.marks.strong!.create()).steps.map((s) => s.toJSON()) }), 403, 'forbidden:suggest_only');
    // A suggestion that names someone else is refused, whoever sends it.
    expectError(await editor.post(`/api/documents/${id}/steps`, { version, clientID: 'ed', steps: suggested(state, state.tr.insertText('X', range.from, range.to), 'rhea@corrections.test') }), 400, 'invalid:step');
    await ok(await suggest(rhea, 'rhea@corrections.test', id, 'Shuttles', 'Startanlagen'));
    const { suggestions } = (await rhea.get(`/api/documents/${id}/suggestions`)).body;
    expect(suggestions).toEqual([
      expect.objectContaining({ kind: 'replace', before: 'Shuttles', text: 'Startanlagen', authorId: idOf['rhea@corrections.test'], authorName: 'Rhea Reviewer', status: 'pending', from: expect.any(Number), to: expect.any(Number) }),
    ]);
    // Editors still edit directly.
    const now = await load(editor, id);
    const at = findText(now.state.doc, 'Russland')!;
    await ok(await editor.post(`/api/documents/${id}/steps`, { version: now.version, clientID: 'ed', steps: now.state.tr.insertText('Auch ', at.from).steps.map((s) => s.toJSON()) }));
  });

  it('lets reviewers of the demo desk (setting off) edit directly', async () => {
    const reviewer = await ApiClient.as('reviewer@factdesk.test');
    const id = (await ok(await reviewer.post('/api/documents', { title: 'Direkt', language: 'de', content: TEXT }))).document.id as string;
    const { version, state } = await load(reviewer, id);
    const range = findText(state.doc, 'Shuttles')!;
    await ok(await reviewer.post(`/api/documents/${id}/steps`, { version, clientID: 'rita', steps: state.tr.insertText('Startanlagen', range.from, range.to).steps.map((s) => s.toJSON()) }));
  });
});

describe('accepting and rejecting', () => {
  it('is for editors and admins, four eyes apart, as steps; 409 once decided; everything audited', async () => {
    const id = await newDocument();
    await ok(await suggest(rhea, 'rhea@corrections.test', id, 'Shuttles', 'Startanlagen'));
    await ok(await suggest(rolf, 'rolf@corrections.test', id, 'Polen', 'Rumänien'));
    const [first, second] = (await editor.get(`/api/documents/${id}/suggestions`)).body.suggestions as { id: string }[];
    const url = (sid: string, what: string) => `/api/documents/${id}/suggestions/${encodeURIComponent(sid)}/${what}`;
    for (const client of [rhea, rolf, viewer]) expectError(await client.post(url(first!.id, 'accept')), 403, 'forbidden');
    expectError(await viewer.post(`/api/documents/${id}/suggestions/reject`, {}), 403, 'forbidden');
    // Unknown ids, other workspaces' members.
    expectError(await editor.post(url('nobody:nothing1', 'accept')), 404, 'not_found');
    expectError(await demoEditor.post(url(first!.id, 'accept')), 404, 'not_found');
    expectError(await demoEditor.get(`/api/documents/${id}/suggestions`), 404, 'not_found');
    // Bad bodies for the bulk endpoints.
    expectError(await editor.post(`/api/documents/${id}/suggestions/accept`, { authorId: 7 }), 400, 'invalid:body');
    expectError(await editor.request('POST', `/api/documents/${id}/suggestions/accept`, '{not json', { 'Content-Type': 'application/json' }), 400, 'invalid:json');

    const before = (await load(editor, id)).version;
    const accepted = await ok(await editor.post(url(first!.id, 'accept')));
    expect(accepted.version).toBeGreaterThan(before);
    expect(accepted.suggestions.find((s: { id: string }) => s.id === first!.id)).toMatchObject({ status: 'accepted', decidedByName: 'Ed Editor', from: null });
    expectError(await editor.post(url(first!.id, 'reject')), 409, 'conflict:state');
    await ok(await admin.post(url(second!.id, 'reject')));
    const { state } = await load(editor, id);
    expect(state.doc.textContent).toBe('Die USA haben MK-41-Startanlagen in Polen stationiert.Russland warnt vor Maßnahmen.');

    const events = (await editor.get(`/api/documents/${id}/history`)).body.events as { action: string; actorName: string }[];
    expect(events.filter((e) => e.action.startsWith('suggestion.')).map((e) => [e.action, e.actorName])).toEqual([
      ['suggestion.created', 'Rhea Reviewer'],
      ['suggestion.created', 'Rolf Reviewer'],
      ['suggestion.accepted', 'Ed Editor'],
      ['suggestion.rejected', 'Cora Admin'],
    ]);
  });

  it('refuses an editor accepting their own suggestion (four eyes) but lets them reject it; all per author', async () => {
    const id = await newDocument();
    await ok(await suggest(editor, 'ed@corrections.test', id, 'Shuttles', 'Startanlagen'));
    await ok(await suggest(rhea, 'rhea@corrections.test', id, 'Polen', 'Rumänien'));
    await ok(await suggest(rhea, 'rhea@corrections.test', id, 'Russland', 'Moskau'));
    const mine = (await editor.get(`/api/documents/${id}/suggestions`)).body.suggestions.find((s: { authorName: string }) => s.authorName === 'Ed Editor');
    expectError(await editor.post(`/api/documents/${id}/suggestions/${encodeURIComponent(mine.id)}/accept`), 403, 'forbidden:four_eyes');
    expectError(await editor.post(`/api/documents/${id}/suggestions/accept`, {}), 403, 'forbidden:four_eyes');
    const byRhea = await ok(await editor.post(`/api/documents/${id}/suggestions/accept`, { authorId: idOf['rhea@corrections.test'] }));
    expect(byRhea.decided).toHaveLength(2);
    await ok(await editor.post(`/api/documents/${id}/suggestions/${encodeURIComponent(mine.id)}/reject`));
    expect((await load(editor, id)).state.doc.textContent).toBe('Die USA haben MK-41-Shuttles in Rumänien stationiert.Moskau warnt vor Maßnahmen.');
  });
});

describe('the sign-off', () => {
  it('waits for pending suggestions, then locks them: 423 for accept and suggest', async () => {
    const id = await newDocument();
    await ok(await suggest(rhea, 'rhea@corrections.test', id, 'Shuttles', 'Startanlagen'));
    await ok(await editor.post(`/api/documents/${id}/transitions`, { action: 'submit' }));
    const refused = await editor.post(`/api/documents/${id}/transitions`, { action: 'sign_off' });
    expectError(refused, 409, 'conflict:state');
    expect(refused.body.error.message).toBe('One suggested correction is still pending: accept or reject it first.');
    expect(refused.body.error.suggestions).toEqual([expect.objectContaining({ before: 'Shuttles', text: 'Startanlagen', authorName: 'Rhea Reviewer' })]);
    expect((await editor.get(`/api/documents/${id}/signoff`)).body.suggestions).toHaveLength(1);
    await ok(await editor.post(`/api/documents/${id}/suggestions/accept`, {}));
    const signed = await ok(await editor.post(`/api/documents/${id}/transitions`, { action: 'sign_off' }));
    expect(signed.document.status).toBe('signed_off');
    expectError(await suggest(rhea, 'rhea@corrections.test', id, 'Polen', 'Rumänien'), 423, 'locked');
    expectError(await editor.post(`/api/documents/${id}/suggestions/reject`, {}), 423, 'locked');
    // The report lists the correction, in the page's data and in the exports.
    const json = await ok(await editor.get(`/api/documents/${id}/export?format=json`));
    expect(json.corrections).toEqual([
      expect.objectContaining({ before: 'Shuttles', after: 'Startanlagen', proposedBy: expect.objectContaining({ name: 'Rhea Reviewer' }), acceptedBy: expect.objectContaining({ name: 'Ed Editor' }) }),
    ]);
    expect(json.history.some((e: { action: string }) => e.action === 'suggestion.accepted')).toBe(true);
    const md = await editor.request('GET', `/api/documents/${id}/export?format=md`);
    expect(md.body).toContain('„Shuttles“ → „Startanlagen“ — vorgeschlagen von Rhea Reviewer');
    const pdf = await fetch(`${baseUrl()}/api/documents/${id}/export?format=pdf`, { headers: { Cookie: editor.cookie! } });
    const { text } = await pdfText(Buffer.from(await pdf.arrayBuffer()));
    expect(text).toContain('Korrekturen');
    expect(text).toContain('„Shuttles“ → „Startanlagen“');
    expect(text).toMatch(/vorgeschlagen von Rhea Reviewer am .*, angenommen von Ed Editor am/);
  });
});

describe('workspace settings', () => {
  it('are read by members, changed by admins only, validated, and audited', async () => {
    expect((await viewer.get('/api/workspace-settings')).body.settings).toEqual({ reviewersSuggestOnly: true, suggestionsFourEyes: true });
    expectError(await editor.put('/api/workspace-settings', { suggestionsFourEyes: false }), 403, 'forbidden');
    expectError(await admin.put('/api/workspace-settings', { suggestionsFourEyes: 'no' }), 400, 'invalid:body');
    expectError(await admin.put('/api/workspace-settings', { reviewersSuggestOnly: true, extra: 1 }), 400, 'invalid:body');
    expectError(await admin.put('/api/workspace-settings', { workspaceId: 'elsewhere', reviewersSuggestOnly: false }), 404, 'not_found');
    expect((await admin.get('/api/workspace-settings')).body.settings).toEqual({ reviewersSuggestOnly: true, suggestionsFourEyes: true });
  });
});

describe('a suggestion’s note and comment thread', () => {
  it('lets the author note it, anyone comment, and refuses the rest', async () => {
    const id = await newDocument();
    await ok(await suggest(rhea, 'rhea@corrections.test', id, 'Shuttles', 'Startanlagen'));
    const [s] = (await rhea.get(`/api/documents/${id}/suggestions`)).body.suggestions as { id: string }[];
    const base = `/api/documents/${id}/suggestions/${encodeURIComponent(s!.id)}`;
    expect((await ok(await rhea.patch(base, { note: 'Laut Pentagon: launchers.' }))).note).toBe('Laut Pentagon: launchers.');
    expectError(await rolf.patch(base, { note: 'Nicht meins.' }), 403, 'forbidden');
    expectError(await viewer.patch(base, { note: 'x' }), 403, 'forbidden');
    expectError(await rhea.patch(base, { note: '<script>alert(1)</script>' }), 400, 'invalid:body');
    expectError(await rhea.patch(base, { note: 5 }), 400, 'invalid:body');
    expectError(await rhea.patch(`/api/documents/${id}/suggestions/nobody%3Anothing1`, { note: 'x' }), 404, 'not_found');
    const comment = await viewer.post(`${base}/comments`, { body: 'Quelle bitte verlinken.' });
    expect(comment.status).toBe(201);
    expect(comment.body.comment).toMatchObject({ body: 'Quelle bitte verlinken.', authorName: 'Vic Viewer' });
    expectError(await viewer.post(`${base}/comments`, { body: '<b>laut</b>' }), 400, 'invalid:body');
    expectError(await viewer.post(`${base}/comments`, { body: 'x'.repeat(5001) }), 400, 'invalid:body');
    expectError(await viewer.get(`/api/documents/${id}/suggestions/nobody%3Anothing1/comments`), 404, 'not_found');
    expectError(await demoEditor.post(`${base}/comments`, { body: 'Fremd.' }), 404, 'not_found');
    expect((await editor.get(`${base}/comments`)).body.comments.map((c: { body: string }) => c.body)).toEqual(['Quelle bitte verlinken.']);
    const listed = (await editor.get(`/api/documents/${id}/suggestions`)).body.suggestions[0];
    expect(listed).toMatchObject({ note: 'Laut Pentagon: launchers.', comments: 1 });
    await ok(await editor.post(`${base}/accept`));
    expectError(await rhea.patch(base, { note: 'Zu spät.' }), 409, 'conflict:state');
    // The thread stays open after the decision.
    expect((await editor.post(`${base}/comments`, { body: 'Übernommen.' })).status).toBe(201);
  });
});
