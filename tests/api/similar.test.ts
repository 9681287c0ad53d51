/** Claim memory over HTTP: a claim in a second article about the same story finds the first article's claim with its verdict; changed numbers and other workspaces never match. */
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { findText } from '@/lib/claims/anchor';
import { schema } from '@/lib/editor/schema';
import { ApiClient, expectError, ok } from './client';

let rita: ApiClient, ben: ApiClient, other: ApiClient;

async function claimOn(client: ApiClient, title: string, content: string, quote: string, fields: Record<string, unknown> = {}) {
  const { document } = await ok(await client.post('/api/documents', { title, language: 'de', content }));
  const { document: full } = (await client.get(`/api/documents/${document.id}`)).body;
  const range = findText(schema.nodeFromJSON(full.doc), quote)!;
  return { documentId: document.id as string, claim: (await ok(await client.post(`/api/documents/${document.id}/claims`, { ...range, version: full.version, ...fields }))).claim as { id: string } };
}

beforeAll(async () => {
  [rita, ben] = await Promise.all([ApiClient.as('reviewer@factdesk.test'), ApiClient.as('reviewer2@factdesk.test')]);
  other = await ApiClient.as('other@elsewhere.test', 'other-desk-password');
});

describe('GET /api/claims/:id/similar', () => {
  it('shows the first article’s claim, with its verdict and document, when the same claim is marked in a second article', async () => {
    const stamp = Date.now();
    const first = await claimOn(rita, `Erster Artikel ${stamp}`, 'Russland warnt: In Polen werden Tomahawk-fähige MK-41-Startanlagen stationiert.', 'In Polen werden Tomahawk-fähige MK-41-Startanlagen stationiert', { verdict: 'needs_context', statement: `In Polen werden Tomahawk-fähige MK-41-Startanlagen stationiert (${stamp}).` });
    // A claim with a changed number in a third article must not be offered.
    await claimOn(rita, `Dritter Artikel ${stamp}`, 'In Polen stehen 48 Millionen Startanlagen.', 'In Polen stehen 48 Millionen Startanlagen');
    const second = await claimOn(ben, `Zweiter Artikel ${stamp}`, 'Moskau sieht Tomahawk-fähige MK-41-Startanlagen in Polen als Bedrohung.', 'Tomahawk-fähige MK-41-Startanlagen in Polen');
    const { matches } = await ok(await ben.get(`/api/claims/${second.claim.id}/similar`));
    expect(matches[0]).toMatchObject({ claim: { id: first.claim.id, verdict: 'needs_context', status: 'open' }, document: { id: first.documentId, title: `Erster Artikel ${stamp}` } });
    expect(matches[0].score).toBeGreaterThanOrEqual(0.3);
    expect(matches.length).toBeLessThanOrEqual(5);
    expect(matches.every((m: { document: { id: string } }) => m.document.id !== second.documentId)).toBe(true);

    const changed = await claimOn(ben, `Vierter Artikel ${stamp}`, 'In Polen stehen 47 Millionen Startanlagen.', 'In Polen stehen 47 Millionen Startanlagen');
    const { matches: none } = await ok(await ben.get(`/api/claims/${changed.claim.id}/similar`));
    expect(none.some((m: { claim: { statement: string } }) => m.claim.statement.includes('48 Millionen'))).toBe(false);
  });

  it('stays inside the workspace', async () => {
    const mine = await claimOn(rita, 'Eigenes', 'In Polen werden Tomahawk-fähige MK-41-Startanlagen stationiert.', 'In Polen werden Tomahawk-fähige MK-41-Startanlagen stationiert');
    expectError(await other.get(`/api/claims/${mine.claim.id}/similar`), 404, 'not_found');
    const theirs = await claimOn(other, 'Fremdes', 'In Polen werden Tomahawk-fähige MK-41-Startanlagen stationiert.', 'In Polen werden Tomahawk-fähige MK-41-Startanlagen stationiert');
    const { matches } = await ok(await other.get(`/api/claims/${theirs.claim.id}/similar`));
    expect(matches.every((m: { document: { title: string } }) => !/Artikel|Eigenes/.test(m.document.title))).toBe(true);
    expect(inject('otherDocumentId')).toBeTruthy();
  });
});
