import { Transform } from 'prosemirror-transform';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { findText } from '@/lib/claims/anchor';
import { schema } from '@/lib/editor/schema';
import { ApiClient, expectError } from './client';

const TEXT = 'Putin warnte vor „militärisch-technischen Maßnahmen“. Die NATO will weiter reden.\nZweiter Absatz über MK-41-Startanlagen in Polen.';

let anon: ApiClient;
let reviewer: ApiClient;
let reviewer2: ApiClient;
let viewer: ApiClient;
let other: ApiClient;
let docId: string;
let otherDocId: string;

async function docNode(id = docId) {
  const { document } = (await reviewer.get(`/api/documents/${id}`)).body;
  return { node: schema.nodeFromJSON(document.doc), version: document.version as number };
}

async function rangeOf(text: string) {
  const { node, version } = await docNode();
  return { ...findText(node, text)!, version };
}

async function createClaim(text: string, extra: Record<string, unknown> = {}) {
  const res = await reviewer.post(`/api/documents/${docId}/claims`, { ...(await rangeOf(text)), ...extra });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.claim;
}

beforeAll(async () => {
  anon = new ApiClient();
  [reviewer, reviewer2, viewer] = await Promise.all([
    ApiClient.as('reviewer@factdesk.test'),
    ApiClient.as('reviewer2@factdesk.test'),
    ApiClient.as('viewer@factdesk.test'),
  ]);
  other = await ApiClient.as('other@elsewhere.test', 'other-desk-password');
  docId = (await reviewer.post('/api/documents', { title: 'Claims API', language: 'de', content: TEXT })).body.document.id;
  otherDocId = inject('otherDocumentId');
});

describe('POST /api/documents/:id/claims', () => {
  it('requires authentication', async () => {
    expectError(await anon.post(`/api/documents/${docId}/claims`, { from: 1, to: 5, version: 0 }), 401, 'unauthenticated');
  });

  it('answers documents of other workspaces with 404', async () => {
    expectError(await reviewer.post(`/api/documents/${otherDocId}/claims`, { from: 1, to: 5, version: 0 }), 404, 'not_found');
    expectError(await other.post(`/api/documents/${docId}/claims`, { from: 1, to: 5, version: 0 }), 404, 'not_found');
  });

  it('refuses viewers with 403', async () => {
    expectError(await viewer.post(`/api/documents/${docId}/claims`, await rangeOf('Putin')), 403, 'forbidden');
  });

  it('answers bad ranges and bodies with 400, a stale version with 409, and creates nothing', async () => {
    const url = `/api/documents/${docId}/claims`;
    const { version } = await docNode();
    expectError(await reviewer.post(url, '{', { 'Content-Type': 'application/json' }), 400, 'invalid:json');
    expectError(await reviewer.post(url, { from: '1', to: 5, version }), 400, 'invalid:body');
    expectError(await reviewer.post(url, { from: 5, to: 5, version }), 400, 'invalid:body');
    expectError(await reviewer.post(url, { from: 9, to: 3, version }), 400, 'invalid:body');
    expectError(await reviewer.post(url, { from: 1, to: 100_000, version }), 400, 'invalid:body');
    expectError(await reviewer.post(url, { from: 1, to: 5, version, statement: '<script>alert(1)</script>' }), 400, 'invalid:body');
    expectError(await reviewer.post(url, { from: 1, to: 5, version, verdict: 'pants_on_fire' }), 400, 'invalid:body');
    expectError(await reviewer.post(url, { from: 1, to: 5, version, assigneeId: 'someone-else' }), 400, 'invalid:body');
    expectError(await reviewer.post(url, { from: 1, to: 5, version, unknown: 1 }), 400, 'invalid:body');
    expectError(await reviewer.post(url, { from: 1, to: 5, version: version + 1 }), 409, 'conflict:version');
    expect((await reviewer.get(url)).body.claims).toHaveLength(0);
  });

  it('creates a claim anchored to exactly the range, with the quote selector and defaults', async () => {
    const claim = await createClaim('militärisch-technischen Maßnahmen');
    expect(claim).toMatchObject({
      quote: { exact: 'militärisch-technischen Maßnahmen', prefix: 'Putin warnte vor „', suffix: '“. Die NATO will weiter reden.\nZ' },
      statement: 'militärisch-technischen Maßnahmen',
      claimant: null,
      claimDate: null,
      verdict: null,
      rationale: null,
      tags: [],
      assigneeId: null,
      status: 'open',
      orphaned: false,
      rowVersion: 1,
      sources: [],
    });
    expect(Object.keys(claim)).toEqual(
      expect.arrayContaining(['id', 'from', 'to', 'quote', 'statement', 'claimant', 'claimDate', 'verdict', 'rationale', 'tags', 'assigneeId', 'status', 'orphaned', 'rowVersion', 'sources']),
    );
  });
});

describe('GET /api/documents/:id/claims', () => {
  it('requires authentication', async () => {
    expectError(await anon.get(`/api/documents/${docId}/claims`), 401, 'unauthenticated');
  });

  it('answers documents of other workspaces with 404', async () => {
    expectError(await reviewer.get(`/api/documents/${otherDocId}/claims`), 404, 'not_found');
  });

  it('lists claims in document order for every member, viewers included', async () => {
    await createClaim('Putin warnte');
    await createClaim('MK-41-Startanlagen in Polen');
    const res = await viewer.get(`/api/documents/${docId}/claims`);
    expect(res.status).toBe(200);
    const froms = res.body.claims.map((c: { from: number }) => c.from);
    expect(froms).toEqual([...froms].sort((a, b) => a - b));
    expect(res.body.claims[0].quote.exact).toBe('Putin warnte');
  });

  it('keeps claims on their words when the text is edited, and orphans a claim whose text is deleted', async () => {
    const claim = await createClaim('Die NATO will weiter reden');
    // Type at the start of the paragraph.
    let { node, version } = await docNode();
    const tr = new Transform(node).insert(1, schema.text('Eilmeldung: '));
    expect((await reviewer.post(`/api/documents/${docId}/steps`, { version, clientID: 't', steps: tr.steps.map((s) => s.toJSON()) })).status).toBe(200);
    let got = (await viewer.get(`/api/claims/${claim.id}`)).body.claim;
    ({ node, version } = await docNode());
    expect(node.textBetween(got.from, got.to)).toBe('Die NATO will weiter reden');
    expect(got.quote.exact).toBe('Die NATO will weiter reden');
    // Delete the claimed words.
    const del = new Transform(node).delete(got.from, got.to);
    expect((await reviewer.post(`/api/documents/${docId}/steps`, { version, clientID: 't', steps: del.steps.map((s) => s.toJSON()) })).status).toBe(200);
    got = (await viewer.get(`/api/claims/${claim.id}`)).body.claim;
    expect(got).toMatchObject({ orphaned: true, quote: { exact: 'Die NATO will weiter reden' } });
    expect((await viewer.get(`/api/documents/${docId}/claims`)).body.claims.map((c: { id: string }) => c.id)).toContain(claim.id);
  });
});

describe('GET /api/claims/:id', () => {
  it('requires authentication', async () => {
    expectError(await anon.get('/api/claims/anything'), 401, 'unauthenticated');
  });

  it('answers unknown claims and claims of other workspaces with 404', async () => {
    const claim = await createClaim('Zweiter Absatz');
    expectError(await reviewer.get('/api/claims/does-not-exist'), 404, 'not_found');
    expectError(await other.get(`/api/claims/${claim.id}`), 404, 'not_found');
  });
});

describe('PATCH /api/claims/:id', () => {
  it('requires authentication', async () => {
    expectError(await anon.patch('/api/claims/x', { rowVersion: 1, verdict: 'true' }), 401, 'unauthenticated');
  });

  it('answers claims of other workspaces with 404 and refuses viewers with 403', async () => {
    const claim = await createClaim('Polen');
    expectError(await other.patch(`/api/claims/${claim.id}`, { rowVersion: 1, verdict: 'true' }), 404, 'not_found');
    expectError(await viewer.patch(`/api/claims/${claim.id}`, { rowVersion: 1, verdict: 'true' }), 403, 'forbidden');
  });

  it('answers bad bodies with 400 and changes nothing', async () => {
    const claim = await createClaim('über');
    const url = `/api/claims/${claim.id}`;
    expectError(await reviewer.patch(url, 'x', { 'Content-Type': 'application/json' }), 400, 'invalid:json');
    expectError(await reviewer.patch(url, { verdict: 'true' }), 400, 'invalid:body');
    expectError(await reviewer.patch(url, { rowVersion: 1, verdict: 'very_true' }), 400, 'invalid:body');
    expectError(await reviewer.patch(url, { rowVersion: 1, claimDate: '2021-02-30' }), 400, 'invalid:body');
    expectError(await reviewer.patch(url, { rowVersion: 1, rationale: '<img src=x onerror=alert(1)>' }), 400, 'invalid:body');
    expectError(await reviewer.patch(url, { rowVersion: 1, status: 'approved' }), 400, 'invalid:body');
    expectError(await reviewer.patch(url, { rowVersion: 1, from: 3 }), 400, 'invalid:body');
    expectError(await reviewer.patch(url, { rowVersion: 1, tags: 'a,b' }), 400, 'invalid:body');
    expect((await reviewer.get(url)).body.claim).toEqual(claim);
  });

  it('saves a verdict, rewritten statement, claimant, date, rationale, tags and assignee, bumping the row version', async () => {
    const claim = await createClaim('MK-41-Startanlagen');
    const res = await reviewer.patch(`/api/claims/${claim.id}`, {
      rowVersion: 1,
      statement: 'In Polen werden MK-41-Startanlagen aufgestellt, die Tomahawk-Marschflugkörper verschießen können.',
      claimant: 'Wladimir Putin',
      claimDate: '2021-12-21',
      verdict: 'needs_context',
      rationale: 'Die Anlage in Redzikowo ist für SM-3-Abfangraketen konfiguriert.',
      tags: ['Raketenabwehr', 'Polen', 'Polen'],
    });
    expect(res.status).toBe(200);
    expect(res.body.claim).toMatchObject({ verdict: 'needs_context', claimant: 'Wladimir Putin', claimDate: '2021-12-21', tags: ['Raketenabwehr', 'Polen'], status: 'open', rowVersion: 2 });
  });

  it('answers a stale row version with 409 and the current claim, overwriting nothing', async () => {
    const claim = await createClaim('Absatz');
    expect((await reviewer.patch(`/api/claims/${claim.id}`, { rowVersion: 1, verdict: 'true' })).status).toBe(200);
    const res = await reviewer2.patch(`/api/claims/${claim.id}`, { rowVersion: 1, verdict: 'false' });
    expectError(res, 409, 'conflict:version');
    expect(res.body.error.claim).toMatchObject({ id: claim.id, verdict: 'true', rowVersion: 2 });
    expect((await viewer.get(`/api/claims/${claim.id}`)).body.claim.verdict).toBe('true');
  });

  it('re-attaches an orphaned claim to a new range at the current version', async () => {
    const claims = (await reviewer.get(`/api/documents/${docId}/claims`)).body.claims;
    const orphan = claims.find((c: { orphaned: boolean }) => c.orphaned);
    expect(orphan).toBeDefined();
    const range = await rangeOf('Startanlagen');
    expectError(await reviewer.patch(`/api/claims/${orphan.id}`, { rowVersion: orphan.rowVersion, ...range, version: range.version - 1 }), 409, 'conflict:version');
    const res = await reviewer.patch(`/api/claims/${orphan.id}`, { rowVersion: orphan.rowVersion, ...range });
    expect(res.status).toBe(200);
    expect(res.body.claim).toMatchObject({ orphaned: false, from: range.from, to: range.to, quote: { exact: 'Startanlagen' } });
  });
});

describe('DELETE /api/claims/:id', () => {
  it('requires authentication', async () => {
    expectError(await anon.delete('/api/claims/x'), 401, 'unauthenticated');
  });

  it('answers claims of other workspaces with 404 and refuses viewers with 403', async () => {
    const claim = await createClaim('Putin');
    expectError(await other.delete(`/api/claims/${claim.id}`), 404, 'not_found');
    expectError(await viewer.delete(`/api/claims/${claim.id}`), 403, 'forbidden');
    expect((await viewer.get(`/api/claims/${claim.id}`)).status).toBe(200);
  });

  it('deletes a claim: gone from the list and its URL', async () => {
    const claim = await createClaim('weiter');
    expect((await reviewer.delete(`/api/claims/${claim.id}`)).status).toBe(204);
    expectError(await reviewer.get(`/api/claims/${claim.id}`), 404, 'not_found');
    expect((await reviewer.get(`/api/documents/${docId}/claims`)).body.claims.map((c: { id: string }) => c.id)).not.toContain(claim.id);
  });
});

describe('sources', () => {
  let claimId: string;
  beforeAll(async () => {
    claimId = (await createClaim('warnte vor')).id;
  });

  it('require authentication', async () => {
    expectError(await anon.post(`/api/claims/${claimId}/sources`, { url: 'https://example.org' }), 401, 'unauthenticated');
    expectError(await anon.patch('/api/sources/x', { title: 'x' }), 401, 'unauthenticated');
    expectError(await anon.delete('/api/sources/x'), 401, 'unauthenticated');
  });

  it('answer other workspaces with 404 and refuse viewers with 403', async () => {
    const { source } = (await reviewer.post(`/api/claims/${claimId}/sources`, { url: 'https://example.org/a' })).body;
    expectError(await other.post(`/api/claims/${claimId}/sources`, { url: 'https://example.org' }), 404, 'not_found');
    expectError(await other.patch(`/api/sources/${source.id}`, { title: 'x' }), 404, 'not_found');
    expectError(await other.delete(`/api/sources/${source.id}`), 404, 'not_found');
    expectError(await viewer.post(`/api/claims/${claimId}/sources`, { url: 'https://example.org' }), 403, 'forbidden');
    expectError(await viewer.patch(`/api/sources/${source.id}`, { title: 'x' }), 403, 'forbidden');
    expectError(await viewer.delete(`/api/sources/${source.id}`), 403, 'forbidden');
    expectError(await reviewer.patch('/api/sources/unknown', { title: 'x' }), 404, 'not_found');
    await reviewer.delete(`/api/sources/${source.id}`);
  });

  it('refuse javascript:, data: and other non-web URLs with a clear message, and bad fields with 400', async () => {
    for (const url of ['javascript:alert(1)', 'data:text/html,<b>x</b>', 'ftp://example.org/file', 'example.org', '']) {
      const res = await reviewer.post(`/api/claims/${claimId}/sources`, { url });
      expectError(res, 400, 'invalid:body');
      expect(res.body.error.message).toMatch(/^The URL /);
    }
    expectError(await reviewer.post(`/api/claims/${claimId}/sources`, { url: 'https://a.example', stance: 'maybe' }), 400, 'invalid:body');
    expectError(await reviewer.post(`/api/claims/${claimId}/sources`, { url: 'https://a.example', title: '<b>t</b>' }), 400, 'invalid:body');
    expect((await reviewer.get(`/api/claims/${claimId}`)).body.claim.sources).toHaveLength(0);
  });

  it('adds sources (normalised URL, accessed today by default), edits, reorders and removes them', async () => {
    const add = (body: object) => reviewer.post(`/api/claims/${claimId}/sources`, body);
    const first = await add({
      url: 'HTTPS://Kremlin.RU/events/president/news/67402',
      title: 'Erweiterte Sitzung des Verteidigungsministeriums',
      publisher: 'Kreml',
      publishedAt: '2021-12-21',
      excerpt: 'MK-41-Startanlagen in Polen',
      kind: 'primary',
      stance: 'context',
    });
    expect(first.status).toBe(201);
    expect(first.body.source).toMatchObject({ url: 'https://kremlin.ru/events/president/news/67402', kind: 'primary', stance: 'context', accessedAt: new Date().toISOString().slice(0, 10) });
    expect(Object.keys(first.body.source).sort()).toEqual(['accessedAt', 'excerpt', 'id', 'kind', 'publishedAt', 'publisher', 'stance', 'title', 'url']);
    const second = (await add({ url: 'https://www.mda.mil/system/aegis_ashore.html', kind: 'official', stance: 'refutes' })).body.source;
    const third = (await add({ url: 'https://example.org/c' })).body.source;

    const edited = await reviewer.patch(`/api/sources/${second.id}`, { title: 'Aegis Ashore', publisher: 'Missile Defense Agency' });
    expect(edited.body.source).toMatchObject({ title: 'Aegis Ashore', publisher: 'Missile Defense Agency', stance: 'refutes' });
    expectError(await reviewer.patch(`/api/sources/${second.id}`, { url: 'javascript:void(0)' }), 400, 'invalid:body');

    const moved = await reviewer.patch(`/api/sources/${third.id}`, { position: 0 });
    expect(moved.body.order).toEqual([third.id, first.body.source.id, second.id]);
    expect((await viewer.get(`/api/claims/${claimId}`)).body.claim.sources.map((s: { id: string }) => s.id)).toEqual([third.id, first.body.source.id, second.id]);

    expect((await reviewer.delete(`/api/sources/${first.body.source.id}`)).status).toBe(204);
    expect((await viewer.get(`/api/claims/${claimId}`)).body.claim.sources.map((s: { id: string }) => s.id)).toEqual([third.id, second.id]);
  });
});

describe('what people read about a claim', () => {
  /** A claim in a fresh document of its own. */
  async function freshClaim(text: string, extra: Record<string, unknown> = {}) {
    const { document } = (await reviewer.post('/api/documents', { title: 'Frisch', language: 'de', content: TEXT })).body;
    const { document: full } = (await reviewer.get(`/api/documents/${document.id}`)).body;
    const res = await reviewer.post(`/api/documents/${document.id}/claims`, { ...findText(schema.nodeFromJSON(full.doc), text)!, version: full.version, ...extra });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.claim;
  }

  it('history names only the fields that changed, even when a client sends them all', async () => {
    const claim = await freshClaim('Die NATO will weiter reden', { claimant: 'Stoltenberg' });
    const all = { statement: claim.statement, claimant: 'Stoltenberg', claimDate: null, verdict: null, rationale: 'Nur die Begründung ist neu.', tags: [], assigneeId: null };
    const res = await reviewer.patch(`/api/claims/${claim.id}`, { rowVersion: claim.rowVersion, ...all });
    expect(res.status).toBe(200);
    const { events } = (await reviewer.get(`/api/claims/${claim.id}/history`)).body;
    const last = events.at(-1);
    expect(Object.keys(last.after)).toEqual(['rationale']);
    expect(last.summary).toMatch(/changed the rationale/);
    expect(last.summary).not.toMatch(/claimant|statement|verdict/);
    // Saving the same again writes no event.
    await reviewer.patch(`/api/claims/${claim.id}`, { rowVersion: res.body.claim.rowVersion, ...all });
    expect((await reviewer.get(`/api/claims/${claim.id}/history`)).body.events).toHaveLength(events.length);
  });

  it('viewers cannot be assignees; reviewers can', async () => {
    const claim = await freshClaim('MK-41-Startanlagen');
    const members = (await reviewer.get('/api/members')).body.members as { id: string; email: string }[];
    const viewerId = members.find((m) => m.email === 'viewer@factdesk.test')!.id;
    const res = await reviewer.patch(`/api/claims/${claim.id}`, { rowVersion: claim.rowVersion, assigneeId: viewerId });
    expectError(res, 400, 'invalid:body');
    expect(res.body.error.message).toBe('Viewers cannot be assigned claims: choose a reviewer, editor or admin.');
    const ben = members.find((m) => m.email === 'reviewer2@factdesk.test')!.id;
    expect((await reviewer.patch(`/api/claims/${claim.id}`, { rowVersion: claim.rowVersion, assigneeId: ben })).body.claim.assigneeId).toBe(ben);
  });
});
