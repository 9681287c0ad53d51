/**
 * Exports over HTTP: every format's headers, the draft mark, the W3C test-suite schemas,
 * the schema.org ClaimReview facts, the PDF's text and links, the CSV parsed back, and the
 * JSON round trip through the import.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { failedAssertions, schemaOrg, unknownProperties, webAnnotationValidators } from '../support/validators';
import { ApiClient, expectError, ok, rangeOf } from './client';
import { pdfText } from '../support/pdf-text';

const SAMPLE = fs.readFileSync(path.resolve(__dirname, '../../db/seed-data/nato-russland-2021-12-21.de.txt'), 'utf8');
const TITLE = 'NATO und Russland: Export-Prüfung „Sicherheitsgarantien“';
const SOURCE_URL = 'https://www.example.org/nato-russland-2021-12-21';
const QUOTE_1 = 'mit „militärisch-technischen Maßnahmen“ zu reagieren';
const QUOTE_2 = '„eindeutig sehr aggressive“ Linie';
const QUOTE_3 = 'am heutigen Dienstag (21.12.)';
const SPANISH = '¿Qué significa “medidas técnico-militares”? Señal de alarma en España.';
const LONG_STATEMENT =
  'Russland kündigt „militärisch-technische Maßnahmen“ an, falls der Westen seine als aggressiv bezeichnete Linie gegenüber Russland fortsetzt.';

let rita: ApiClient;
let ben: ApiClient;
let editor: ApiClient;
let viewer: ApiClient;
let other: ApiClient;
let docId: string;

/** A claim with the given fields and sources, taken through review to `approved` (or dismissed). */
async function markClaim(text: string, fields: Record<string, unknown>, sources: Record<string, unknown>[], end: 'approved' | 'dismissed') {
  const { claim } = await ok(await rita.post(`/api/documents/${docId}/claims`, { ...(await rangeOf(rita, docId, text)), ...fields }));
  for (const s of sources) await ok(await rita.post(`/api/claims/${claim.id}/sources`, s));
  if (end === 'dismissed') {
    await ok(await rita.post(`/api/claims/${claim.id}/transitions`, { action: 'dismiss', comment: 'not check-worthy' }));
    return claim.id as string;
  }
  await ok(await rita.post(`/api/claims/${claim.id}/transitions`, { action: 'propose' }));
  await ok(await ben.post(`/api/claims/${claim.id}/transitions`, { action: 'approve' }));
  return claim.id as string;
}

async function download(client: ApiClient, format: string, id = docId) {
  const res = await fetch(`${inject('baseUrl')}/api/documents/${id}/export?format=${format}`, { headers: { Cookie: client.cookie! } });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}


beforeAll(async () => {
  [rita, ben, editor, viewer] = await Promise.all(['reviewer', 'reviewer2', 'editor', 'viewer'].map((u) => ApiClient.as(`${u}@factdesk.test`)));
  other = await ApiClient.as('other@elsewhere.test', 'other-desk-password');
  docId = (await ok(await rita.post('/api/documents', { title: TITLE, language: 'de', sourceUrl: SOURCE_URL, content: SAMPLE }))).document.id;
  await markClaim(
    QUOTE_1,
    { statement: LONG_STATEMENT, claimant: 'Wladimir Putin', claimDate: '2021-12-21', verdict: 'needs_context', rationale: `Die Drohung bleibt vage. ${SPANISH}` },
    [
      { url: 'https://www.kremlin.ru/events/president/news/67402', title: 'Erweiterte Sitzung des Kollegiums', publisher: 'Kreml', publishedAt: '2021-12-21', stance: 'context', excerpt: 'Im Falle einer Fortsetzung der eindeutig aggressiven Linie …' },
      { url: 'https://www.nato.int/cps/en/natohq/news_189666.htm', title: 'Pressekonferenz Stoltenberg', publisher: 'NATO', stance: 'supports' },
      { url: 'https://www.tagesschau.de/ausland/europa/nato-russland-121.html', publisher: 'tagesschau.de', stance: 'supports' },
    ],
    'approved',
  );
  await markClaim(
    QUOTE_2,
    { statement: 'Der Westen verfolgt eine „eindeutig sehr aggressive“ Linie.', claimant: '=HYPERLINK("https://evil.example")', verdict: 'false', rationale: '+Meinung, keine überprüfbare Tatsachenbehauptung; "Zitat" mit Komma, und Zeilen\numbruch.' },
    [{ url: 'https://www.example.org/quelle?a=1&b=2', title: '@Quelle mit Sonderzeichen', stance: 'refutes' }],
    'approved',
  );
  await markClaim(QUOTE_3, { statement: 'Die Pressekonferenz fand am 21.12.2021 statt.' }, [], 'dismissed');
  await ok(await viewer.post(`/api/claims/${(await rita.get(`/api/documents/${docId}/claims`)).body.claims[0].id}/comments`, { body: 'Danke, @Rita Reviewer!' }));
});

describe('GET /api/documents/:id/export', () => {
  it('requires a session, hides other workspaces and refuses unknown formats', async () => {
    expectError(await new ApiClient().get(`/api/documents/${docId}/export?format=pdf`), 401, 'unauthenticated');
    expectError(await other.get(`/api/documents/${docId}/export?format=md`), 404, 'not_found');
    expectError(await rita.get(`/api/documents/nope/export?format=md`), 404, 'not_found');
    expectError(await rita.get(`/api/documents/${docId}/export?format=odt`), 400, 'invalid:query');
    expectError(await rita.get(`/api/documents/${docId}/export`), 400, 'invalid:query');
  });

  it('serves every format to every member with its content type and a file name from the title', async () => {
    const expected: Record<string, [RegExp, string]> = {
      pdf: [/^application\/pdf$/, '.pdf'],
      md: [/^text\/markdown; charset=utf-8$/, '.md'],
      csv: [/^text\/csv; charset=utf-8/, '.csv'],
      w3c: [/^application\/ld\+json; profile="http:\/\/www.w3.org\/ns\/anno.jsonld"/, '-annotations.jsonld'],
      claimreview: [/^application\/ld\+json/, '-claimreview.jsonld'],
      json: [/^application\/json/, '.factdesk.json'],
    };
    for (const [format, [type, suffix]] of Object.entries(expected)) {
      const res = await download(viewer, format);
      expect(res.status, format).toBe(200);
      expect(res.headers.get('content-type')).toMatch(type);
      const disposition = res.headers.get('content-disposition')!;
      expect(disposition).toContain(`attachment; filename="nato-und-russland-export-prufung-sicherheitsgarantien${suffix}"`);
      expect(decodeURIComponent(disposition.split("filename*=UTF-8''")[1]!)).toBe(`NATO und Russland Export-Prüfung „Sicherheitsgarantien“${suffix}`);
    }
  });
});

describe('a document without claims', () => {
  it('exports every format, saying there is nothing to report rather than failing', async () => {
    const { document } = await ok(await rita.post('/api/documents', { title: 'Leer', language: 'es', content: '¿Qué pasó? Nada.' }));
    for (const format of ['pdf', 'md', 'csv', 'w3c', 'claimreview', 'json']) expect((await download(rita, format, document.id)).status, format).toBe(200);
    expect(parse((await download(rita, 'csv', document.id)).bytes.toString('utf8'), { bom: true, columns: true })).toEqual([]);
    expect(JSON.parse((await download(rita, 'w3c', document.id)).bytes.toString('utf8'))).toMatchObject({ total: 0, first: { items: [] } });
    expect(JSON.parse((await download(rita, 'claimreview', document.id)).bytes.toString('utf8'))).toEqual([]);
    const pdf = await pdfText((await download(rita, 'pdf', document.id)).bytes);
    expect(pdf.text).toContain('¿Qué pasó? Nada.');
    expect(pdf.text).toContain('0 afirmaciones verificadas');
    // A Spanish article: its report speaks Spanish.
    expect(pdf.text).toContain('No se marcó ninguna afirmación en este artículo.');
    expect((await download(rita, 'md', document.id)).bytes.toString('utf8')).toContain('No se marcó ninguna afirmación en este artículo.');
  });
});

describe('a draft', () => {
  it('says "Draft — not signed off" in every format, on every page of the PDF (in the article’s language where people read it)', async () => {
    const md = (await download(rita, 'md')).bytes.toString('utf8');
    expect(md.startsWith('> **Entwurf — nicht freigegeben.**')).toBe(true);
    const pdf = await pdfText((await download(rita, 'pdf')).bytes);
    expect(pdf.pages.length).toBeGreaterThan(1);
    pdf.pages.forEach((page, i) => expect(page, `page ${i + 1}`).toContain('Entwurf — nicht freigegeben'));
    const csv = parse((await download(rita, 'csv')).bytes.toString('utf8'), { bom: true, columns: true }) as Record<string, string>[];
    expect(csv.every((row) => row.document_status === 'Entwurf — nicht freigegeben')).toBe(true);
    expect(JSON.parse((await download(rita, 'w3c')).bytes.toString('utf8')).label).toContain('Draft — not signed off');
    const reviews = JSON.parse((await download(rita, 'claimreview')).bytes.toString('utf8'));
    expect(reviews.every((r: { creativeWorkStatus: string }) => r.creativeWorkStatus === 'Draft — not signed off')).toBe(true);
    expect(JSON.parse((await download(rita, 'json')).bytes.toString('utf8'))).toMatchObject({ draft: true, notice: 'Draft — not signed off' });
  });
});

describe('the signed-off report', () => {
  let hash: string;
  beforeAll(async () => {
    await ok(await rita.post(`/api/documents/${docId}/transitions`, { action: 'submit' }));
    hash = (await ok(await editor.post(`/api/documents/${docId}/transitions`, { action: 'sign_off' }))).hash;
  });

  it('W3C: an AnnotationCollection whose annotations pass every MUST of the W3C test suite and the quote and position selector checks', async () => {
    const { musts, selectors, samples } = webAnnotationValidators();
    expect(musts).toHaveLength(54);
    // The validators themselves work: the suite's correct samples pass, its incorrect ones fail.
    for (const sample of samples.correct) expect(failedAssertions(sample, musts)).toEqual([]);
    for (const sample of samples.incorrect) expect(failedAssertions(sample, musts).length).toBeGreaterThan(0);

    const collection = JSON.parse((await download(viewer, 'w3c')).bytes.toString('utf8'));
    expect(collection).toMatchObject({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationCollection', total: 3 });
    expect(collection.label).not.toContain('Draft');
    const items = collection.first.items;
    expect(items).toHaveLength(3);
    for (const annotation of items) {
      expect(failedAssertions(annotation, musts)).toEqual([]);
      expect(failedAssertions(annotation, selectors)).toEqual([]);
      expect(annotation).toMatchObject({ type: 'Annotation', motivation: 'assessing', target: { source: SOURCE_URL } });
      expect(annotation.creator).toMatchObject({ type: 'Person', name: 'Rita Reviewer' });
      expect(Date.parse(annotation.created)).not.toBeNaN();
      expect(Date.parse(annotation.modified)).not.toBeNaN();
    }
    const first = items[0];
    expect(first.body[0]).toMatchObject({ type: 'TextualBody', purpose: 'assessing', value: 'Kontext fehlt', language: 'de' });
    expect(first.body.filter((b: { purpose: string }) => b.purpose === 'linking').map((b: { source: { id: string } }) => b.source.id)).toEqual([
      'https://www.kremlin.ru/events/president/news/67402',
      'https://www.nato.int/cps/en/natohq/news_189666.htm',
      'https://www.tagesschau.de/ausland/europa/nato-russland-121.html',
    ]);
    const [quote, position] = first.target.selector;
    expect(quote).toMatchObject({ type: 'TextQuoteSelector', exact: QUOTE_1 });
    // The position selector points at the same words in the article's plain text (code points).
    const text = SAMPLE.replace(/\r?\n+/g, '\n').trim();
    expect([...text].slice(position.start, position.end).join('')).toBe(QUOTE_1);
    expect(quote.prefix).toBe([...text].slice(Math.max(0, position.start - quote.prefix.length), position.start).join(''));
  });

  it('ClaimReview: one per claim with a verdict, every property on its schema.org type, Google’s required fields, ratings in bounds', async () => {
    const extract = schemaOrg();
    const reviews = JSON.parse((await download(viewer, 'claimreview')).bytes.toString('utf8'));
    expect(reviews).toHaveLength(2);
    for (const review of reviews) {
      expect(unknownProperties(review, extract)).toEqual([]);
      expect(review).toMatchObject({ '@context': 'https://schema.org', '@type': 'ClaimReview', creativeWorkStatus: 'Published' });
      expect(review.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:\\d+/documents/${docId}/report#claim-\\d$`));
      expect(typeof review.claimReviewed).toBe('string');
      expect([...review.claimReviewed].length).toBeLessThanOrEqual(75);
      expect(review.reviewRating['@type']).toBe('Rating');
      expect(review.reviewRating.alternateName).toBeTruthy();
      const { ratingValue, bestRating, worstRating } = review.reviewRating;
      expect(worstRating).toBeGreaterThanOrEqual(1);
      expect(bestRating).toBeGreaterThan(worstRating);
      expect(ratingValue).toBeGreaterThanOrEqual(worstRating);
      expect(ratingValue).toBeLessThanOrEqual(bestRating);
      expect(review.author).toEqual({ '@type': 'Organization', name: 'Factdesk Demo Desk', url: expect.any(String) });
      expect(review.itemReviewed['@type']).toBe('Claim');
      expect(review.itemReviewed.author.name).toBeTruthy();
      expect(review.itemReviewed.appearance).toEqual({ '@type': 'CreativeWork', url: SOURCE_URL, headline: TITLE });
      expect(review.datePublished).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    expect(reviews[0].claimReviewed.endsWith('…')).toBe(true);
    expect(LONG_STATEMENT.startsWith(reviews[0].claimReviewed.slice(0, -1))).toBe(true);
    expect(reviews[0].reviewRating).toMatchObject({ alternateName: 'Kontext fehlt', ratingValue: 3, bestRating: 5, worstRating: 1 });
    expect(reviews[0].itemReviewed).toMatchObject({ author: { '@type': 'Person', name: 'Wladimir Putin' }, datePublished: '2021-12-21' });
    expect(reviews[1].reviewRating).toMatchObject({ alternateName: 'Falsch', ratingValue: 1 });
  });

  it('PDF: the German quotes and Spanish text exactly, page numbers, clickable source links, the sign-off', async () => {
    const res = await download(viewer, 'pdf');
    expect(res.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const pdf = await pdfText(res.bytes);
    const flat = pdf.text.replace(/\s+/g, ' ');
    for (const quote of ['„militärisch-technischen Maßnahmen“', '„eindeutig sehr aggressive“', '„kompromittieren“', SPANISH]) expect(flat).toContain(quote);
    expect(flat).toContain(TITLE);
    pdf.pages.forEach((page, i) => {
      expect(page).toContain(`Seite ${i + 1} von ${pdf.pages.length}`);
      expect(page).not.toContain('Entwurf — nicht freigegeben');
    });
    expect(flat).toContain('Freigegeben von Erik Editor');
    expect(flat).toContain(hash);
    expect(flat).toContain('Methodik');
    expect(pdf.links).toEqual(expect.arrayContaining(['https://www.kremlin.ru/events/president/news/67402', 'https://www.nato.int/cps/en/natohq/news_189666.htm', SOURCE_URL]));
  });

  it('CSV: RFC 4180 with a byte-order mark, one row per claim that parses back to the claims, formulas neutralised', async () => {
    const res = await download(viewer, 'csv');
    expect([...res.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = res.bytes.toString('utf8');
    expect(text).toContain('\r\n');
    const rows = parse(text, { bom: true, columns: true }) as Record<string, string>[];
    const { claims } = (await viewer.get(`/api/documents/${docId}/claims`)).body;
    expect(rows).toHaveLength(claims.length);
    rows.forEach((row, i) => {
      const c = claims[i];
      expect(row.claim_id).toBe(c.id);
      expect(row.number).toBe(String(i + 1));
      expect(row.statement).toBe(c.statement);
      expect(row.quote).toBe(c.quote.exact);
      expect(row.verdict).toBe(c.verdict ?? '');
      expect(row.rationale.replace(/^'/, '')).toBe(c.rationale ?? '');
      expect(row.claim_date).toBe(c.claimDate ?? '');
      for (const s of c.sources) expect(row.sources).toContain(s.url);
      expect(row.sources.split('\n')).toHaveLength(c.sources.length || 1);
    });
    expect(rows[1]!.claimant).toBe(`'=HYPERLINK("https://evil.example")`);
    expect(rows[1]!.rationale.startsWith("'+Meinung")).toBe(true);
    expect(rows[1]!.sources.startsWith("'@Quelle")).toBe(true);
    expect(rows[0]!.claimant).toBe('Wladimir Putin');
    expect(rows[0]!.approved_by).toBe('Ben Reviewer');
    expect(rows[2]!.status).toBe('Verworfen');
  });

  it('Markdown: title, sign-off, numbered highlights, claims with sources, methodology; markup in text is escaped', async () => {
    const md = (await download(viewer, 'md')).bytes.toString('utf8');
    expect(md).not.toContain('Entwurf — nicht freigegeben');
    expect(md).toContain('# NATO und Russland: Export-Prüfung „Sicherheitsgarantien“');
    expect(md).toContain(`SHA-256: \`${hash}\``);
    expect(md).toContain('**mit „militärisch-technischen Maßnahmen“ zu reagieren**<sup>[1](#claim-1)</sup>');
    expect(md).toContain('**Bewertung:** Kontext fehlt (3 von 5)');
    expect(md).toContain('[Erweiterte Sitzung des Kollegiums](<https://www.kremlin.ru/events/president/news/67402>)');
    expect(md).toContain('## Methodik');
    expect(md).toContain('Vorgeschlagen von Rita Reviewer');
  });

  it('JSON: everything needed to rebuild the document, and its import as a new document reproduces it', async () => {
    const exported = JSON.parse((await download(viewer, 'json')).bytes.toString('utf8'));
    expect(exported).toMatchObject({ format: 'factdesk-document', formatVersion: 1, draft: false, document: { title: TITLE, revision: 1 } });
    expect(exported.claims[0].comments[0].body).toBe('Danke, @Rita Reviewer!');
    expect(exported.signoffs[0].hash).toBe(hash);
    expect(exported.history.map((e: { action: string }) => e.action)).toContain('document.sign_off');

    expectError(await viewer.post('/api/documents/import', exported), 403, 'forbidden');
    const res = await rita.post('/api/documents/import', exported);
    expect(res.status).toBe(201);
    const newId = res.body.document.id;
    expect(newId).not.toBe(docId);
    const original = (await rita.get(`/api/documents/${docId}`)).body.document;
    const copy = (await rita.get(`/api/documents/${newId}`)).body.document;
    expect(copy.doc).toEqual(original.doc);
    expect(copy).toMatchObject({ title: TITLE, language: 'de', sourceUrl: SOURCE_URL, status: 'draft', revision: 1 });
    const fields = (c: any) => ({
      from: c.from,
      to: c.to,
      quote: c.quote,
      statement: c.statement,
      claimant: c.claimant,
      claimDate: c.claimDate,
      verdict: c.verdict,
      rationale: c.rationale,
      tags: c.tags,
      orphaned: c.orphaned,
      sources: c.sources.map((s: Record<string, unknown>) => Object.fromEntries(Object.entries(s).filter(([k]) => k !== 'id'))),
    });
    const before = (await rita.get(`/api/documents/${docId}/claims`)).body.claims;
    const after = (await rita.get(`/api/documents/${newId}/claims`)).body.claims;
    expect(after.map(fields)).toEqual(before.map(fields));
    // Approvals are not imported: they must be given again here.
    expect(after.map((c: { status: string }) => c.status)).toEqual(['proposed', 'proposed', 'dismissed']);
    // Comments come back written by the importing user, naming their author (an import never speaks for others).
    expect((await rita.get(`/api/claims/${after[0].id}/comments`)).body.comments[0]).toMatchObject({ body: 'Vera Viewer (imported): Danke, @Rita Reviewer!', authorName: 'Rita Reviewer' });
    // A second export of the copy has the same text and claims.
    const again = JSON.parse((await download(rita, 'json', newId)).bytes.toString('utf8'));
    expect(again.document.doc).toEqual(exported.document.doc);
  });

  it('refuses imports that are not Factdesk exports or do not fit, creating nothing', async () => {
    const exported = JSON.parse((await download(viewer, 'json')).bytes.toString('utf8'));
    const count = async () => (await rita.get('/api/documents')).body.total;
    const before = await count();
    expectError(await rita.post('/api/documents/import', 'nope', { 'Content-Type': 'application/json' }), 400, 'invalid:json');
    expectError(await rita.post('/api/documents/import', { ...exported, format: 'other' }), 400, 'invalid:body');
    expectError(await rita.post('/api/documents/import', { ...exported, document: { ...exported.document, doc: { type: 'doc', content: [{ type: 'image' }] } } }), 400, 'invalid:content');
    const badRange = structuredClone(exported);
    badRange.claims[0].to = 10_000_000;
    expectError(await rita.post('/api/documents/import', badRange), 400, 'invalid:body');
    const html = structuredClone(exported);
    html.claims[0].statement = '<script>alert(1)</script>';
    expectError(await rita.post('/api/documents/import', html), 400, 'invalid:body');
    const jsUrl = structuredClone(exported);
    jsUrl.claims[0].sources[0].url = 'javascript:alert(1)';
    expectError(await rita.post('/api/documents/import', jsUrl), 400, 'invalid:body');
    expectError(await other.post('/api/documents/import', { ...exported, workspaceId: (await rita.get('/api/members')).body.workspace.id }), 404, 'not_found');
    expect(await count()).toBe(before);
  });

  it('exports the current revision only: after a reopen the report is revision 2 and a draft again', async () => {
    await ok(await editor.post(`/api/documents/${docId}/transitions`, { action: 'reopen', reason: 'Neue Quelle' }));
    const md = (await download(viewer, 'md')).bytes.toString('utf8');
    expect(md).toContain('Revision: 2');
    expect(md).toContain('Entwurf — nicht freigegeben');
    expect(md).not.toContain(hash);
  });
});
