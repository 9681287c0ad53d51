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

  it('Reuse copies verdict, rationale and sources as the reuser’s proposal (four eyes still apply) and links both ways; "not the same claim" is not suggested again', async () => {
    const stamp = Date.now();
    const viewer = await ApiClient.as('viewer@factdesk.test');
    const first = await claimOn(rita, `Quelle ${stamp}`, 'Laut Kreml stehen in Rumänien Elemente des US-Raketenabwehrsystems.', 'stehen in Rumänien Elemente des US-Raketenabwehrsystems', { verdict: 'true', rationale: `Deveselu ist seit 2016 in Betrieb (${stamp}).` });
    await ok(await rita.post(`/api/claims/${first.claim.id}/sources`, { url: 'https://www.nato.int/cps/en/natohq/topics_8206.htm', title: 'NATO BMD' }));
    const second = await claimOn(ben, `Ziel ${stamp}`, 'In Rumänien stehen Elemente des US-Raketenabwehrsystems, sagt Moskau.', 'In Rumänien stehen Elemente des US-Raketenabwehrsystems');
    expect((await ok(await ben.get(`/api/claims/${second.claim.id}/similar`))).matches[0].claim.id).toBe(first.claim.id);

    expectError(await viewer.post(`/api/claims/${second.claim.id}/reuse`, { claimId: first.claim.id }), 403, 'forbidden');
    expectError(await ben.post(`/api/claims/${second.claim.id}/reuse`, { claimId: second.claim.id }), 400, 'invalid:body');
    expectError(await ben.post(`/api/claims/${second.claim.id}/reuse`, { claimId: 'no-such-claim' }), 404, 'not_found');
    const { claim } = await ok(await ben.post(`/api/claims/${second.claim.id}/reuse`, { claimId: first.claim.id }));
    expect(claim).toMatchObject({ verdict: 'true', rationale: `Deveselu ist seit 2016 in Betrieb (${stamp}).`, status: 'proposed', approvedBy: null });
    expect(claim.sources.map((s: { url: string }) => s.url)).toEqual(['https://www.nato.int/cps/en/natohq/topics_8206.htm']);
    // Four eyes: Ben proposed it (by reusing), so he cannot approve it; Rita can.
    expectError(await ben.post(`/api/claims/${second.claim.id}/transitions`, { action: 'approve' }), 403, 'forbidden:four_eyes');
    // Linked both ways, no longer suggested, in the history and the JSON export.
    const fromSecond = await ok(await ben.get(`/api/claims/${second.claim.id}/similar`));
    expect(fromSecond.same).toMatchObject([{ claim: { id: first.claim.id }, document: { id: first.documentId } }]);
    expect(fromSecond.matches.some((m: { claim: { id: string } }) => m.claim.id === first.claim.id)).toBe(false);
    expect((await ok(await rita.get(`/api/claims/${first.claim.id}/similar`))).same).toMatchObject([{ claim: { id: second.claim.id } }]);
    const history = (await ok(await ben.get(`/api/claims/${second.claim.id}/history`))).events;
    expect(history.at(-1).summary).toMatch(/^Ben Reviewer reused the verdict of the same claim “/);
    const exported = await ok(await ben.get(`/api/documents/${second.documentId}/export?format=json`));
    expect(exported.claims[0].sameAs).toMatchObject([{ claimId: first.claim.id, documentId: first.documentId }]);

    // "Not the same claim": a third article's claim is not suggested for it again.
    const third = await claimOn(rita, `Dritte ${stamp}`, 'In Rumänien stehen Elemente des US-Raketenabwehrsystems seit Jahren.', 'In Rumänien stehen Elemente des US-Raketenabwehrsystems');
    const suggested = (await ok(await rita.get(`/api/claims/${third.claim.id}/similar`))).matches.map((m: { claim: { id: string } }) => m.claim.id);
    expect(suggested).toContain(first.claim.id);
    expect((await rita.post(`/api/claims/${third.claim.id}/not-same`, { claimId: first.claim.id })).status).toBe(204);
    expect((await ok(await rita.get(`/api/claims/${third.claim.id}/similar`))).matches.map((m: { claim: { id: string } }) => m.claim.id)).not.toContain(first.claim.id);
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
