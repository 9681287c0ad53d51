/**
 * A document list that scales: 10,000 documents of one workspace, searched by title and
 * text, filtered, sorted and paged through `GET /api/documents`; archiving. (How fast:
 * bench/documents/list.ts.)
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { hashPassword } from '@/lib/auth/passwords';
import { MANY_ADMIN, seedManyDocuments } from '../support/many-documents';
import { openTestEngine } from '../support/test-server';
import { ApiClient, expectError, ok } from './client';

const COUNT = 10_000;
let mara: ApiClient;
let rita: ApiClient;

beforeAll(async () => {
  const engine = await openTestEngine(inject('database'));
  try {
    await seedManyDocuments(engine, COUNT, await hashPassword(MANY_ADMIN.password));
  } finally {
    await engine.close();
  }
  mara = await ApiClient.as(MANY_ADMIN.email, MANY_ADMIN.password);
  rita = await ApiClient.as('reviewer@factdesk.test');
}, 120_000);

const list = async (query: string) => ok(await mara.get(`/api/documents?${query}`));

describe('the document list with 10,000 documents', () => {
  it('pages through all of them, newest first, 50 a page', async () => {
    const first = await list('');
    expect(first).toMatchObject({ total: COUNT, page: 1, pageSize: 50, pages: 200 });
    expect(first.documents).toHaveLength(50);
    const times = first.documents.map((d: { updatedAt: string }) => Date.parse(d.updatedAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect((await list('page=200')).documents).toHaveLength(50);
    expect((await list('page=201')).documents).toHaveLength(0);
    // Nobody else sees them.
    expect((await rita.get('/api/documents?q=Zebrastreifen')).body.total).toBe(0);
  });

  it('searches titles and text, the last word as a prefix, ignoring accents and case', async () => {
    expect((await list('q=zebrastreifen')).total).toBe(10);
    expect((await list('q=Zebra')).total).toBe(10);
    expect((await list('q=Dokument 04242')).documents.map((d: { title: string }) => d.title)).toEqual(['Dokument 04242']);
    expect((await list('q=uber verhandlungen genf&language=en')).total).toBe(COUNT / 10);
    expect((await list('q=nirgendwo')).total).toBe(0);
    expect((await list(`q=${encodeURIComponent('"); DROP TABLE documents; --')}`)).total).toBe(0);
  });

  it('filters by status, language, assignee, open claims and date, and sorts', async () => {
    expect((await list('status=in_review')).total).toBe(Math.ceil(COUNT / 7));
    expect((await list('language=en&status=in_review')).total).toBe(Array.from({ length: COUNT }, (_, i) => i).filter((i) => i % 10 === 0 && i % 7 === 0).length);
    expect((await list('assignee=me')).total).toBe(COUNT / 100);
    expect((await list('open=1')).total).toBe(COUNT / 100);
    // Day 0 of the 100: every document whose number ends in 00.
    expect((await list('from=2026-08-01&to=2026-08-01')).total).toBe(COUNT / 100);
    const byTitle = await list('sort=title&dir=asc');
    expect(byTitle.documents[0].title).toBe('Dokument 00000');
    expect((await list('sort=title&dir=desc')).documents[0].title).toBe('Dokument 09999');
    expectError(await mara.get('/api/documents?page=0'), 400, 'invalid:query');
    expectError(await mara.get('/api/documents?status=lost'), 400, 'invalid:query');
    expectError(await mara.get('/api/documents?sort=random'), 400, 'invalid:query');
  });

  it('archives instead of deleting: out of the list, in the archive, back again', async () => {
    const [doc] = (await list('q=Dokument 00007')).documents;
    expectError(await rita.post(`/api/documents/${doc.id}/archive`), 404, 'not_found');
    expect((await mara.post(`/api/documents/${doc.id}/archive`)).status).toBe(204);
    expect((await list('q=Dokument 00007')).total).toBe(0);
    expect((await list('archived=1')).documents.map((d: { id: string }) => d.id)).toEqual([doc.id]);
    expect((await list('')).total).toBe(COUNT - 1);
    // Still readable.
    expect((await mara.get(`/api/documents/${doc.id}`)).status).toBe(200);
    expect((await mara.request('DELETE', `/api/documents/${doc.id}/archive`)).status).toBe(204);
    expect((await list('')).total).toBe(COUNT);
  });
});
