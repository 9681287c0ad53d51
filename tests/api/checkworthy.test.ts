/** Check-worthiness hints over HTTP: the sentences, with positions and reasons; claimed and dismissed ones left out; who may dismiss. */
import fs from 'node:fs';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { SAMPLE_PATH } from '@/db/seed';
import { schema } from '@/lib/editor/schema';
import { ApiClient, expectError, ok } from './client';

let rita: ApiClient, viewer: ApiClient, other: ApiClient;
let docId: string;

beforeAll(async () => {
  [rita, viewer] = await Promise.all([ApiClient.as('reviewer@factdesk.test'), ApiClient.as('viewer@factdesk.test')]);
  other = await ApiClient.as('other@elsewhere.test', 'other-desk-password');
  docId = (await ok(await rita.post('/api/documents', { title: 'Hinweise', language: 'de', content: fs.readFileSync(SAMPLE_PATH, 'utf8') }))).document.id;
});

describe('GET /api/documents/:id/checkworthy', () => {
  it('lists the likely check-worthy sentences, strongest first, each on its words with its reasons', async () => {
    const body = await ok(await viewer.get(`/api/documents/${docId}/checkworthy`));
    const { document } = (await rita.get(`/api/documents/${docId}`)).body;
    const doc = schema.nodeFromJSON(document.doc);
    expect(body.version).toBe(document.version);
    expect(body.sentences.length).toBeGreaterThan(3);
    for (const s of body.sentences) {
      expect(doc.textBetween(s.from, s.to)).toBe(s.text);
      expect(s.score).toBeGreaterThanOrEqual(0.5);
      expect(s.reasons.length).toBeGreaterThan(0);
    }
    const scores = body.sentences.map((s: { score: number }) => s.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(body.sentences.some((s: { text: string }) => s.text.includes('MK-41-Shuttles in Polen'))).toBe(true);
  });

  it('leaves out a sentence once a claim covers it, and one dismissed for the document', async () => {
    const { sentences } = await ok(await rita.get(`/api/documents/${docId}/checkworthy`));
    const [first, second] = sentences;
    const { document } = (await rita.get(`/api/documents/${docId}`)).body;
    await ok(await rita.post(`/api/documents/${docId}/claims`, { from: first.from, to: first.from + 10, version: document.version }));
    expect((await rita.post(`/api/documents/${docId}/checkworthy/dismissals`, { key: second.key })).status).toBe(204);
    // Again: nothing changes.
    expect((await rita.post(`/api/documents/${docId}/checkworthy/dismissals`, { key: second.key })).status).toBe(204);
    const after = await ok(await rita.get(`/api/documents/${docId}/checkworthy`));
    expect(after.sentences.map((s: { key: string }) => s.key)).not.toContain(first.key);
    expect(after.sentences.map((s: { key: string }) => s.key)).not.toContain(second.key);
    expect(after.dismissed).toEqual([second.key]);
    expect(after.sentences).toHaveLength(sentences.length - 2);
  });

  it('refuses what it should', async () => {
    const { sentences } = await ok(await rita.get(`/api/documents/${docId}/checkworthy`));
    expectError(await viewer.post(`/api/documents/${docId}/checkworthy/dismissals`, { key: sentences[0].key }), 403, 'forbidden');
    expectError(await rita.post(`/api/documents/${docId}/checkworthy/dismissals`, { key: '<b>' }), 400, 'invalid:body');
    expectError(await rita.post(`/api/documents/${docId}/checkworthy/dismissals`, { key: 'abc', extra: 1 }), 400, 'invalid:body');
    expectError(await other.get(`/api/documents/${docId}/checkworthy`), 404, 'not_found');
    expectError(await rita.get(`/api/documents/${inject('otherDocumentId')}/checkworthy`), 404, 'not_found');
    expectError(await new ApiClient().get(`/api/documents/${docId}/checkworthy`), 401, 'unauthenticated');
  });
});
