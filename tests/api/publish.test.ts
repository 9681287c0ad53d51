/**
 * Published reports: after sign-off an editor publishes the report at a public, read-only
 * address; strangers read it without signing in, search engines find its ClaimReview.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { schemaOrg, unknownProperties } from '../support/validators';
import { ApiClient, baseUrl, expectError, ok, rangeOf } from './client';

let rita: ApiClient;
let ben: ApiClient;
let editor: ApiClient;
let other: ApiClient;

beforeAll(async () => {
  [rita, ben, editor] = await Promise.all(['reviewer', 'reviewer2', 'editor'].map((u) => ApiClient.as(`${u}@factdesk.test`)));
  other = await ApiClient.as('other@elsewhere.test', 'other-desk-password');
});

/** A signed-off document with one approved claim. */
async function signedOff(title: string) {
  const { document } = await ok(await rita.post('/api/documents', { title, language: 'de', content: 'Der Kreml warnt vor Maßnahmen. Die NATO antwortet.', sourceUrl: 'https://example.org/artikel' }));
  const { claim } = await ok(await rita.post(`/api/documents/${document.id}/claims`, { ...(await rangeOf(rita, document.id, 'warnt vor Maßnahmen')), verdict: 'false', rationale: 'Es gibt keine Warnung.', claimant: 'Der Kreml' }));
  await ok(await rita.post(`/api/claims/${claim.id}/sources`, { url: 'https://example.org/beleg', title: 'Beleg' }));
  await ok(await rita.post(`/api/claims/${claim.id}/transitions`, { action: 'propose' }));
  await ok(await ben.post(`/api/claims/${claim.id}/transitions`, { action: 'approve' }));
  await ok(await rita.post(`/api/documents/${document.id}/transitions`, { action: 'submit' }));
  await ok(await editor.post(`/api/documents/${document.id}/transitions`, { action: 'sign_off' }));
  return document.id as string;
}

/** The public page, fetched without any cookie. */
async function publicPage(url: string) {
  const res = await fetch(url, { headers: { 'Accept-Language': 'en-US,en;q=0.9' } });
  return { status: res.status, html: await res.text() };
}

function jsonLdOf(html: string) {
  const m = html.match(/<script type="application\/ld\+json"[^>]*>([\s\S]*?)<\/script>/);
  return m ? JSON.parse(m[1]!) : null;
}

describe('publishing a report', () => {
  it('is for editors, of signed-off documents only; the address is unguessable and strangers read it without signing in', async () => {
    const { document } = await ok(await rita.post('/api/documents', { title: 'Entwurf', language: 'de', content: 'Noch nicht fertig.' }));
    expectError(await editor.post(`/api/documents/${document.id}/publish`), 409, 'conflict:state');
    const id = await signedOff('Geprüft und veröffentlicht');
    expectError(await rita.post(`/api/documents/${id}/publish`), 403, 'forbidden');
    expectError(await other.post(`/api/documents/${id}/publish`), 404, 'not_found');
    const { url, revision } = await ok(await editor.post(`/api/documents/${id}/publish`));
    expect(url).toMatch(new RegExp(`^${baseUrl().replace(/[.]/g, '\\.')}/r/[A-Za-z0-9_-]{32}$`));
    expect(revision).toBe(1);
    const page = await publicPage(url);
    expect(page.status).toBe(200);
    expect(page.html).toContain('Geprüft und veröffentlicht');
    expect(page.html).toContain('Es gibt keine Warnung.');
    // Open Graph for link previews, and the page may be indexed.
    // A German article's report is German, also for a stranger whose browser asks for English.
    expect(page.html).toMatch(/<meta property="og:title" content="Faktencheck: Geprüft und veröffentlicht"/);
    expect(page.html).toMatch(/<meta property="og:locale" content="de"/);
    expect(page.html).toMatch(/<main class="report-page published-report" lang="de">/);
    for (const heading of ['Zusammenfassung', 'Behauptungen', 'Methodik', 'Freigegeben']) expect(page.html).toContain(heading);
    expect(page.html).toContain(`<meta property="og:url" content="${url}"`);
    expect(page.html).toMatch(/<meta name="robots" content="index, follow"/);
    // Its ClaimReview, embedded and valid, points at this address; so does the export's.
    const extract = schemaOrg();
    const reviews = jsonLdOf(page.html);
    expect(reviews).toHaveLength(1);
    expect(unknownProperties(reviews[0], extract)).toEqual([]);
    expect(reviews[0]).toMatchObject({ '@type': 'ClaimReview', url: `${url}#claim-1`, creativeWorkStatus: 'Published', reviewRating: { alternateName: 'Falsch', ratingValue: 1 } });
    const exported = await fetch(`${baseUrl()}/api/documents/${id}/export?format=claimreview`, { headers: { Cookie: rita.cookie! } });
    expect(JSON.parse(await exported.text())[0].url).toBe(`${url}#claim-1`);
    // Nothing else is public: a wrong slug, the editor's report page, the API.
    expect((await publicPage(`${baseUrl()}/r/${'x'.repeat(32)}`)).status).toBe(404);
    expect((await fetch(`${baseUrl()}/documents/${id}/report`, { redirect: 'manual' })).status).toBe(307);
  });

  it('keeps the published revision while the document is reopened, and the same address for the next one', async () => {
    const id = await signedOff('Erste Fassung');
    const { url } = await ok(await editor.post(`/api/documents/${id}/publish`));
    await ok(await editor.post(`/api/documents/${id}/transitions`, { action: 'reopen', reason: 'Korrektur' }));
    await ok(await rita.patch(`/api/documents/${id}`, { title: 'Zweite Fassung' }));
    // Still the first revision in public; publishing the reopened draft is refused.
    expect((await publicPage(url)).html).toContain('Erste Fassung');
    expect((await publicPage(url)).html).not.toContain('Zweite Fassung');
    expectError(await editor.post(`/api/documents/${id}/publish`), 409, 'conflict:state');
    await ok(await rita.post(`/api/documents/${id}/transitions`, { action: 'submit' }));
    await ok(await editor.post(`/api/documents/${id}/transitions`, { action: 'sign_off' }));
    const again = await ok(await editor.post(`/api/documents/${id}/publish`));
    expect(again).toEqual({ url, revision: 2 });
    expect((await publicPage(url)).html).toContain('Zweite Fassung');
    const history = (await rita.get(`/api/documents/${id}/history`)).body.events.map((e: { action: string }) => e.action);
    expect(history.filter((a: string) => a === 'document.published')).toHaveLength(2);
  });

  it('can be taken down: the address answers 404, also after the document is deleted', async () => {
    const id = await signedOff('Kurz öffentlich');
    const { url } = await ok(await editor.post(`/api/documents/${id}/publish`));
    expectError(await rita.request('DELETE', `/api/documents/${id}/publish`), 403, 'forbidden');
    expect((await editor.request('DELETE', `/api/documents/${id}/publish`)).status).toBe(204);
    expect((await publicPage(url)).status).toBe(404);
    expectError(await editor.request('DELETE', `/api/documents/${id}/publish`), 404, 'not_found');
    const republished = await ok(await editor.post(`/api/documents/${id}/publish`));
    expect(republished.url).not.toBe(url);
    expect((await editor.request('DELETE', `/api/documents/${id}`)).status).toBe(204);
    expect((await publicPage(republished.url)).status).toBe(404);
  });

  it('escapes the embedded JSON-LD: a claim holding </script> stays data', async () => {
    const { document } = await ok(await rita.post('/api/documents', { title: 'Skript', language: 'de', content: 'Er schrieb </script><script>alert(1)</script> dazu.' }));
    const { claim } = await ok(await rita.post(`/api/documents/${document.id}/claims`, { ...(await rangeOf(rita, document.id, '</script><script>alert(1)</script>')), verdict: 'false', rationale: 'Nein.' }));
    await ok(await rita.post(`/api/claims/${claim.id}/sources`, { url: 'https://example.org/beleg', title: 'Beleg' }));
    await ok(await rita.post(`/api/claims/${claim.id}/transitions`, { action: 'propose' }));
    await ok(await ben.post(`/api/claims/${claim.id}/transitions`, { action: 'approve' }));
    await ok(await rita.post(`/api/documents/${document.id}/transitions`, { action: 'submit' }));
    await ok(await editor.post(`/api/documents/${document.id}/transitions`, { action: 'sign_off' }));
    const { url } = await ok(await editor.post(`/api/documents/${document.id}/publish`));
    const { html } = await publicPage(url);
    const block = html.match(/<script type="application\/ld\+json"[^>]*>([\s\S]*?)<\/script>/)![1]!;
    expect(block).not.toMatch(/<\/?script/i);
    expect(jsonLdOf(html)[0].itemReviewed.text).toBe('</script><script>alert(1)</script>');
  });
});
