/** Search over HTTP: claims and documents of the caller's workspaces, with marked snippets and filters. */
import { beforeAll, describe, expect, it } from 'vitest';
import { findText } from '@/lib/claims/anchor';
import { schema } from '@/lib/editor/schema';
import { ApiClient, expectError, ok } from './client';

let rita: ApiClient, other: ApiClient;
const word = `Zeitenwende${Date.now().toString(36)}`;
let claimId: string;
let docId: string;

beforeAll(async () => {
  rita = await ApiClient.as('reviewer@factdesk.test');
  other = await ApiClient.as('other@elsewhere.test', 'other-desk-password');
  const { document } = await ok(await rita.post('/api/documents', { title: `Suche ${word}`, language: 'de', content: `Der Kanzler sprach von einer ${word} in der Sicherheitspolitik. Die Bundeswehr erhält 100 Milliarden Euro.` }));
  docId = document.id;
  const { document: full } = (await rita.get(`/api/documents/${docId}`)).body;
  const range = findText(schema.nodeFromJSON(full.doc), 'Die Bundeswehr erhält 100 Milliarden Euro')!;
  const { claim } = await ok(await rita.post(`/api/documents/${docId}/claims`, { ...range, version: full.version, verdict: 'true', rationale: `Sondervermögen, siehe ${word}.`, tags: ['Haushalt'] }));
  claimId = claim.id;
  await ok(await rita.post(`/api/claims/${claimId}/sources`, { url: 'https://www.bundestag.de/sondervermoegen', title: 'Bundestag Sondervermögen' }));
  // The other desk has the same word: never seen from here.
  await ok(await other.post('/api/documents', { title: `Fremd ${word}`, language: 'de', content: `Auch hier: ${word}.` }));
});

describe('GET /api/search', () => {
  it('finds claims by rationale and source titles, documents by text, with the matches marked', async () => {
    const byRationale = await ok(await rita.get(`/api/search?q=${word}`));
    expect(byRationale.claims.map((c: { id: string }) => c.id)).toEqual([claimId]);
    expect(byRationale.claims[0]).toMatchObject({ verdict: 'true', status: 'open', document: { id: docId } });
    expect(byRationale.claims[0].snippet).toContain(`\u0002${word}\u0003`);
    expect(byRationale.documents.map((d: { id: string }) => d.id)).toEqual([docId]);
    expect(byRationale.documents[0].snippet).toContain('\u0002');
    const bySource = await ok(await rita.get('/api/search?q=Sonderverm%C3%B6gen%20Bundestag'));
    expect(bySource.claims.map((c: { id: string }) => c.id)).toContain(claimId);
  });

  it('filters by verdict, status, tag, language and dates', async () => {
    const ids = async (q: string) => (await ok(await rita.get(`/api/search?q=${word}&${q}`))).claims.map((c: { id: string }) => c.id);
    expect(await ids('verdict=true')).toEqual([claimId]);
    expect(await ids('verdict=false')).toEqual([]);
    expect(await ids('status=open&tag=haushalt')).toEqual([claimId]);
    expect(await ids('tag=Wahlen')).toEqual([]);
    expect(await ids('language=de')).toEqual([claimId]);
    expect(await ids('language=es')).toEqual([]);
    const today = new Date().toISOString().slice(0, 10);
    expect(await ids(`from=${today}&to=${today}`)).toEqual([claimId]);
    expect(await ids('to=2020-01-01')).toEqual([]);
  });

  it('stays in the caller’s workspaces and refuses bad input', async () => {
    const theirs = await ok(await other.get(`/api/search?q=${word}`));
    expect(theirs.claims).toEqual([]);
    expect(theirs.documents.map((d: { title: string }) => d.title)).toEqual([`Fremd ${word}`]);
    expectError(await rita.get('/api/search?verdict=bogus'), 400, 'invalid:query');
    expectError(await rita.get('/api/search?from=yesterday'), 400, 'invalid:query');
    expectError(await rita.get('/api/search?unknown=1'), 400, 'invalid:query');
    expectError(await new ApiClient().get(`/api/search?q=${word}`), 401, 'unauthenticated');
    expect(await ok(await rita.get('/api/search?q=%22%27%29%3B--'))).toEqual({ claims: [], documents: [] });
  });
});
