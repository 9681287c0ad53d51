/**
 * A workspace's own verdict names (PUT /api/verdict-names): stored per language, listed by
 * GET, used in that language's reports (the ClaimReview's alternateName), and given back to
 * the default name with null.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, baseUrl, expectError, ok, rangeOf } from './client';

let admin: ApiClient;
let rita: ApiClient;

beforeAll(async () => {
  [admin, rita] = await Promise.all(['admin', 'reviewer'].map((u) => ApiClient.as(`${u}@factdesk.test`)));
});

async function claimReviewRating(documentId: string) {
  const res = await fetch(`${baseUrl()}/api/documents/${documentId}/export?format=claimreview`, { headers: { Cookie: rita.cookie! } });
  expect(res.status).toBe(200);
  const body = await res.json();
  const reviews = Array.isArray(body) ? body : (body['@graph'] ?? [body]);
  return reviews[0].reviewRating.alternateName as string;
}

describe('verdict names', () => {
  it('refuses reviewers and bad names, changing nothing', async () => {
    const before = (await ok(await admin.get('/api/verdict-names'))).names;
    expectError(await rita.put('/api/verdict-names', { locale: 'de', names: { misleading: 'Irreführend' } }), 403, 'forbidden');
    expectError(await admin.put('/api/verdict-names', { locale: 'de', names: { misleading: '<b>x</b>' } }), 400, 'invalid:body');
    expectError(await admin.put('/api/verdict-names', { locale: 'xx', names: {} }), 400, 'invalid:body');
    expect((await ok(await admin.get('/api/verdict-names'))).names).toEqual(before);
  });

  it('renames a verdict in one language: listed, used in that language’s report, and back to the default with null', async () => {
    const { document } = await ok(await rita.post('/api/documents', { title: 'Umbenannt', language: 'de', content: 'Der Kreml warnt vor Maßnahmen.' }));
    await ok(await rita.post(`/api/documents/${document.id}/claims`, { ...(await rangeOf(rita, document.id, 'warnt vor Maßnahmen')), verdict: 'misleading', rationale: 'So nicht gesagt.' }));
    // Another test file may have renamed this verdict already: start from the default name.
    await ok(await admin.put('/api/verdict-names', { locale: 'de', names: { misleading: null } }));
    const before = await claimReviewRating(document.id);
    expect(before).toBe('Irreführend');

    const renamed = await ok(await admin.put('/api/verdict-names', { locale: 'de', names: { misleading: 'Verzerrt dargestellt' } }));
    expect(renamed.names.de.misleading).toBe('Verzerrt dargestellt');
    expect((await ok(await admin.get('/api/verdict-names'))).names.de.misleading).toBe('Verzerrt dargestellt');
    expect(await claimReviewRating(document.id)).toBe('Verzerrt dargestellt');

    await ok(await admin.put('/api/verdict-names', { locale: 'de', names: { misleading: null } }));
    expect((await ok(await admin.get('/api/verdict-names'))).names.de?.misleading).toBeUndefined();
    expect(await claimReviewRating(document.id)).toBe(before);
    expect(before).not.toBe('Verzerrt dargestellt');
  });
});
