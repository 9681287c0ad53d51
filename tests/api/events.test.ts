import { Transform } from 'prosemirror-transform';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { schema } from '@/lib/editor/schema';
import { ApiClient, baseUrl, EventReader, expectError } from './client';

let reviewer: ApiClient;
let viewer: ApiClient;
let docId: string;

function open(client: ApiClient, path: string, headers: Record<string, string> = {}) {
  return fetch(`${baseUrl()}${path}`, { headers: { Cookie: client.cookie ?? '', Accept: 'text/event-stream', ...headers } });
}

async function typeText(text: string) {
  const { document } = (await reviewer.get(`/api/documents/${docId}`)).body;
  const tr = new Transform(schema.nodeFromJSON(document.doc)).insert(1, schema.text(text));
  const res = await reviewer.post(`/api/documents/${docId}/steps`, { version: document.version, clientID: 'writer', steps: tr.steps.map((s) => s.toJSON()) });
  expect(res.status).toBe(200);
  return document.version as number;
}

beforeAll(async () => {
  [reviewer, viewer] = await Promise.all([ApiClient.as('reviewer@factdesk.test'), ApiClient.as('viewer@factdesk.test')]);
  docId = (await reviewer.post('/api/documents', { title: 'Live', language: 'en', content: 'Live text.' })).body.document.id;
});

describe('GET /api/documents/:id/events', () => {
  it('requires authentication', async () => {
    expectError(await new ApiClient().get(`/api/documents/${docId}/events?version=0&session=abcdefgh1`), 401, 'unauthenticated');
  });

  it('answers documents of other workspaces with 404 and a bad query with 400', async () => {
    expectError(await viewer.get(`/api/documents/${inject('otherDocumentId')}/events?version=0&session=abcdefgh1`), 404, 'not_found');
    expectError(await viewer.get(`/api/documents/${docId}/events?version=x&session=abcdefgh1`), 400, 'invalid:query');
    expectError(await viewer.get(`/api/documents/${docId}/events?version=0&session=bad`), 400, 'invalid:query');
  });

  it('streams earlier steps, then live steps and claim changes as they happen, unbuffered even when gzip is accepted', async () => {
    const first = await typeText('One. ');
    const res = await open(viewer, `/api/documents/${docId}/events?version=${first}&session=viewer-session-1`, { 'Accept-Encoding': 'gzip, deflate, br' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(res.headers.get('content-encoding')).toBeNull();
    const events = new EventReader(res);
    const catchUp = await events.next('steps');
    expect(catchUp).toMatchObject({ version: first, clientIDs: ['writer'] });
    expect(catchUp.steps).toHaveLength(1);

    // A live step arrives while the stream stays open.
    const started = Date.now();
    const second = await typeText('Two. ');
    const live = await events.next('steps', 2000);
    expect(live).toMatchObject({ version: second, clientIDs: ['writer'] });
    expect(Date.now() - started).toBeLessThan(2000);

    // A claim created by someone else arrives too.
    const { document } = (await reviewer.get(`/api/documents/${docId}`)).body;
    const created = await reviewer.post(`/api/documents/${docId}/claims`, { from: 1, to: 4, version: document.version });
    expect(created.status).toBe(201);
    const claimEvent = await events.next('claim', 2000);
    expect(claimEvent).toMatchObject({ moved: true, version: document.version, claim: { id: created.body.claim.id, quote: { exact: 'Two' } } });
    expect((await reviewer.delete(`/api/claims/${created.body.claim.id}`)).status).toBe(204);
    expect(await events.next('claim-deleted', 2000)).toMatchObject({ id: created.body.claim.id });
    events.close();
  });

  it('shows who is in the document and where their caret is', async () => {
    const a = new EventReader(await open(viewer, `/api/documents/${docId}/events?version=0&session=viewer-session-2`));
    const b = new EventReader(await open(reviewer, `/api/documents/${docId}/events?version=0&session=reviewer-session-2`));
    const seen = await a.next('presence');
    const names = (entries: { name: string }[]) => entries.map((e) => e.name);
    // The viewer sees the reviewer arrive (possibly after an earlier presence event).
    let entries = seen;
    while (!names(entries).includes('Rita Reviewer')) entries = await a.next('presence');
    expect((await reviewer.post(`/api/documents/${docId}/presence`, { session: 'reviewer-session-2', anchor: 2, head: 5, version: 0 })).status).toBe(204);
    do entries = await a.next('presence');
    while (!entries.some((e: any) => e.name === 'Rita Reviewer' && e.selection?.head === 5));
    expect(entries.find((e: any) => e.name === 'Rita Reviewer')).toMatchObject({ color: expect.stringMatching(/^#/), selection: { anchor: 2, head: 5, version: 0 } });
    // When the reviewer's stream closes, the reviewer leaves.
    b.close();
    do entries = await a.next('presence');
    while (names(entries).includes('Rita Reviewer'));
    a.close();
  });

  it('limits how many streams one person may hold open', async () => {
    const admin = await ApiClient.as('admin@factdesk.test');
    const streams: EventReader[] = [];
    for (let i = 0; i < 12; i++) {
      const res = await open(admin, `/api/documents/${docId}/events?version=0&session=admin-session-${i}`);
      expect(res.status).toBe(200);
      streams.push(new EventReader(res));
      await streams[i]!.next('hello');
    }
    const refused = await admin.get(`/api/documents/${docId}/events?version=0&session=admin-session-x`);
    expectError(refused, 429, 'rate_limited');
    // Closing one frees a place.
    streams.pop()!.close();
    let status = 0;
    for (let attempt = 0; attempt < 20 && status !== 200; attempt++) {
      await new Promise((r) => setTimeout(r, 100));
      const res = await open(admin, `/api/documents/${docId}/events?version=0&session=admin-session-y`);
      status = res.status;
      if (status === 200) streams.push(new EventReader(res));
      else await res.body?.cancel();
    }
    expect(status).toBe(200);
    streams.forEach((s) => s.close());
  });

  it('tells a client that is ahead of the document to reload', async () => {
    const events = new EventReader(await open(viewer, `/api/documents/${docId}/events?version=99999&session=viewer-session-3`));
    expect(await events.next('reload')).toMatchObject({ reason: 'ahead' });
    events.close();
  });
});
