import { Step, Transform } from 'prosemirror-transform';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { schema } from '@/lib/editor/schema';
import { ApiClient, expectError } from './client';

let anon: ApiClient;
let reviewer: ApiClient;
let viewer: ApiClient;
let docId: string;

/** Steps that insert `text` at `pos` of the document as the server has it now. */
async function stepsInserting(client: ApiClient, id: string, text: string, pos = 1) {
  const { document } = (await client.get(`/api/documents/${id}`)).body;
  const tr = new Transform(schema.nodeFromJSON(document.doc)).insert(pos, schema.text(text));
  return { version: document.version as number, steps: tr.steps.map((s) => s.toJSON()) };
}

beforeAll(async () => {
  anon = new ApiClient();
  [reviewer, viewer] = await Promise.all([ApiClient.as('reviewer@factdesk.test'), ApiClient.as('viewer@factdesk.test')]);
  const created = await reviewer.post('/api/documents', { title: 'Steps test', language: 'en', content: 'Hello world.' });
  docId = created.body.document.id;
});

describe('POST /api/documents/:id/steps', () => {
  it('requires authentication', async () => {
    const { version, steps } = await stepsInserting(reviewer, docId, 'x');
    expectError(await anon.post(`/api/documents/${docId}/steps`, { version, clientID: 'a', steps }), 401, 'unauthenticated');
  });

  it('answers documents of other workspaces with 404', async () => {
    const { steps } = await stepsInserting(reviewer, docId, 'x');
    expectError(await reviewer.post(`/api/documents/${inject('otherDocumentId')}/steps`, { version: 0, clientID: 'a', steps }), 404, 'not_found');
  });

  it('refuses viewers with 403 and writes nothing', async () => {
    const { version, steps } = await stepsInserting(reviewer, docId, 'x');
    expectError(await viewer.post(`/api/documents/${docId}/steps`, { version, clientID: 'v', steps }), 403, 'forbidden');
    expect((await reviewer.get(`/api/documents/${docId}`)).body.document.version).toBe(version);
  });

  it('answers malformed bodies and steps that do not apply with 400, writing nothing', async () => {
    const before = (await reviewer.get(`/api/documents/${docId}`)).body.document;
    const url = `/api/documents/${docId}/steps`;
    expectError(await reviewer.post(url, '{"version":', { 'Content-Type': 'application/json' }), 400, 'invalid:json');
    expectError(await reviewer.post(url, { version: before.version, clientID: 'a' }), 400, 'invalid:body');
    expectError(await reviewer.post(url, { version: '0', clientID: 'a', steps: [] }), 400, 'invalid:body');
    expectError(await reviewer.post(url, { version: before.version, clientID: 'a', steps: [{ stepType: 'nonsense' }] }), 400, 'invalid:step');
    const outside = { stepType: 'replace', from: 5000, to: 5001 };
    expectError(await reviewer.post(url, { version: before.version, clientID: 'a', steps: [outside] }), 400, 'invalid:step');
    // A valid first step followed by an invalid one stores neither.
    const { steps } = await stepsInserting(reviewer, docId, 'partial ');
    expectError(await reviewer.post(url, { version: before.version, clientID: 'a', steps: [...steps, outside] }), 400, 'invalid:step');
    // A node type the schema does not have.
    const badNode = { stepType: 'replace', from: 1, to: 1, slice: { content: [{ type: 'script', text: 'x' }] } };
    expectError(await reviewer.post(url, { version: before.version, clientID: 'a', steps: [badNode] }), 400, 'invalid:step');
    const tooMany = Array.from({ length: 501 }, () => steps[0]);
    expectError(await reviewer.post(url, { version: before.version, clientID: 'a', steps: tooMany }), 400, 'invalid:body');
    const after = (await reviewer.get(`/api/documents/${docId}`)).body.document;
    expect(after.version).toBe(before.version);
    expect(after.doc).toEqual(before.doc);
  });

  it('accepts steps on the current version, stores the new text and bumps the version', async () => {
    const { version, steps } = await stepsInserting(reviewer, docId, 'Hi! ');
    const res = await reviewer.post(`/api/documents/${docId}/steps`, { version, clientID: 'client-a', steps });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ version: version + 1 });
    const after = (await viewer.get(`/api/documents/${docId}`)).body.document;
    expect(after.version).toBe(version + 1);
    expect(after.doc.content[0].content[0].text).toBe('Hi! Hello world.');
  });

  it('answers a stale version with 409 and the current version, writing nothing', async () => {
    const stale = await stepsInserting(reviewer, docId, 'A');
    const fresh = await stepsInserting(reviewer, docId, 'B');
    expect((await reviewer.post(`/api/documents/${docId}/steps`, { version: fresh.version, clientID: 'b', steps: fresh.steps })).status).toBe(200);
    const res = await reviewer.post(`/api/documents/${docId}/steps`, { version: stale.version, clientID: 'a', steps: stale.steps });
    expectError(res, 409, 'conflict:version');
    expect(res.body.error.version).toBe(stale.version + 1);
    const after = (await reviewer.get(`/api/documents/${docId}`)).body.document;
    expect(after.version).toBe(stale.version + 1);
    expect(after.doc.content[0].content[0].text).toBe('BHi! Hello world.');
  });
});

describe('GET /api/documents/:id/steps', () => {
  it('requires authentication', async () => {
    expectError(await anon.get(`/api/documents/${docId}/steps?since=0`), 401, 'unauthenticated');
  });

  it('answers documents of other workspaces with 404', async () => {
    expectError(await viewer.get(`/api/documents/${inject('otherDocumentId')}/steps?since=0`), 404, 'not_found');
  });

  it('answers a bad or future version with 400', async () => {
    expectError(await viewer.get(`/api/documents/${docId}/steps?since=abc`), 400, 'invalid:query');
    expectError(await viewer.get(`/api/documents/${docId}/steps`), 400, 'invalid:query');
    expectError(await viewer.get(`/api/documents/${docId}/steps?since=99999`), 400, 'invalid:query');
  });

  it('returns every step after a version with its client id, so a client can catch up', async () => {
    const res = await viewer.get(`/api/documents/${docId}/steps?since=0`);
    expect(res.status).toBe(200);
    expect(res.body.version).toBe(res.body.steps.length);
    expect(res.body.clientIDs).toEqual(['client-a', 'b']);
    // Replaying them on the document as it was created reproduces the stored one.
    const tr = new Transform(schema.nodeFromJSON({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Hello world.' }] }] }));
    for (const json of res.body.steps) tr.step(Step.fromJSON(schema, json));
    const doc = tr.doc;
    expect(doc.textContent).toBe('BHi! Hello world.');
  });
});
