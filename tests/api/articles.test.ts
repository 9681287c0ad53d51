/**
 * Real articles in and out (issue "Real articles"): documents with headings, links, lists,
 * tables, figures, emoji and right-to-left text open, edit and export; the schema is the
 * gate for every step; imports keep the article's shape; exports run off the editors' path.
 */
import fc from 'fast-check';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { AlignmentType, CommentRangeEnd, CommentRangeStart, CommentReference, Document, ExternalHyperlink, FootnoteReferenceRun, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { findText } from '@/lib/claims/anchor';
import { schema, splitsCharacter } from '@/lib/editor/schema';
import { arbitraryDoc } from '../support/arbitrary-doc';
import { corpus } from '../support/corpus';
import { failedAssertions, schemaOrg, unknownProperties, webAnnotationValidators } from '../support/validators';
import { ApiClient, expectError, ok } from './client';

let rita: ApiClient;
let ben: ApiClient;
let editor: ApiClient;

async function create(body: Record<string, unknown>, as = rita) {
  return (await ok(await as.post('/api/documents', body))).document as { id: string; title: string; language: string };
}

async function current(id: string) {
  const { document } = (await rita.get(`/api/documents/${id}`)).body;
  return { doc: schema.nodeFromJSON(document.doc), version: document.version as number, document };
}

async function page(path: string, as = rita) {
  const res = await fetch(`${inject('baseUrl')}${path}`, { headers: { Cookie: as.cookie! } });
  return { status: res.status, html: await res.text() };
}

async function download(id: string, format: string, as = rita) {
  const res = await fetch(`${inject('baseUrl')}/api/documents/${id}/export?format=${format}`, { headers: { Cookie: as.cookie! } });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

async function upload(file: Blob, name: string, fields: Record<string, string>, as = rita) {
  const form = new FormData();
  form.set('file', file, name);
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  return as.post('/api/documents', form);
}

async function steps(id: string, stepsJSON: unknown[]) {
  const { version } = await current(id);
  return rita.post(`/api/documents/${id}/steps`, { version, clientID: 'articles-test', steps: stepsJSON });
}

beforeAll(async () => {
  [rita, ben, editor] = await Promise.all(['reviewer', 'reviewer2', 'editor'].map((u) => ApiClient.as(`${u}@factdesk.test`)));
});

describe('documents with headings, links and numbered lists open in the editor', () => {
  it('answers 200 for the editor page of a Markdown article with a heading, a link and a numbered list', async () => {
    const { id } = await create({ title: 'Structured', language: 'en', format: 'markdown', content: '## A heading\n\nSee [x](https://example.org).\n\n1. one\n2. two' });
    const res = await page(`/documents/${id}`);
    expect(res.status).toBe(200);
    expect(res.html).toContain('A heading');
  });

  it('answers 200 after a heading is made with a step (the toolbar’s H2), then reloaded; and the document can be deleted', async () => {
    const { id } = await create({ title: 'Turned into a heading', language: 'en', content: 'First paragraph.\nSecond paragraph.' });
    const { doc } = await current(id);
    const first = doc.firstChild!;
    const res = await steps(id, [
      { stepType: 'replaceAround', from: 0, to: first.nodeSize, gapFrom: 1, gapTo: first.nodeSize - 1, insert: 1, structure: true, slice: { content: [{ type: 'heading', attrs: { level: 2 } }] } },
    ]);
    expect(res.status).toBe(200);
    expect((await current(id)).doc.firstChild!.type.name).toBe('heading');
    expect((await page(`/documents/${id}`)).status).toBe(200);
    expect((await editor.delete(`/api/documents/${id}`)).status).toBe(204);
  });
});

describe('the schema is the gate for every step', () => {
  let id: string;
  beforeAll(async () => {
    id = (await create({ title: 'Gate', language: 'en', content: 'Alpha beta gamma.\nSecond paragraph.' })).id;
  });

  it('refuses a javascript: link with 400 invalid:step and stores nothing, in no export either', async () => {
    const before = await current(id);
    expectError(await steps(id, [{ stepType: 'addMark', from: 1, to: 6, mark: { type: 'link', attrs: { href: 'javascript:alert(1)' } } }]), 400, 'invalid:step');
    expectError(await steps(id, [{ stepType: 'addMark', from: 1, to: 6, mark: { type: 'link', attrs: { href: ' JAVASCRIPT:alert(1)' } } }]), 400, 'invalid:step');
    expect((await current(id)).version).toBe(before.version);
    expect((await download(id, 'json')).bytes.toString()).not.toMatch(/javascript:/i);
  });

  it('refuses heading levels outside 1–6 and list starts out of range', async () => {
    const { doc } = await current(id);
    const size = doc.firstChild!.nodeSize;
    for (const level of [-5, 0, 7, 1e21, 2.5, '2']) {
      const step = { stepType: 'replaceAround', from: 0, to: size, gapFrom: 1, gapTo: size - 1, insert: 1, structure: true, slice: { content: [{ type: 'heading', attrs: { level } }] } };
      expectError(await steps(id, [step]), 400, 'invalid:step');
    }
    const list = (order: unknown) => ({
      stepType: 'replace',
      from: doc.content.size,
      to: doc.content.size,
      slice: { content: [{ type: 'ordered_list', attrs: { order }, content: [{ type: 'list_item', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x' }] }] }] }] },
    });
    expectError(await steps(id, [list(-3)]), 400, 'invalid:step');
    expectError(await steps(id, [list(1e21)]), 400, 'invalid:step');
    expect((await download(id, 'md')).status).toBe(200);
  });

  it('refuses a replacement running backwards (it would duplicate text) and positions outside the document', async () => {
    const before = await current(id);
    expectError(await steps(id, [{ stepType: 'replace', from: 10, to: 3 }]), 400, 'invalid:step');
    expectError(await steps(id, [{ stepType: 'replace', from: 0, to: 99_999 }]), 400, 'invalid:step');
    expectError(await steps(id, [{ stepType: 'replace', from: 'a', to: 3 }]), 400, 'invalid:step');
    const after = await current(id);
    expect(after.version).toBe(before.version);
    expect(after.doc.textContent).toBe(before.doc.textContent);
  });

  it('refuses 1,500 nested blockquotes with 400, as a step, as HTML, as Markdown and as an imported export', async () => {
    let deep: unknown = { type: 'paragraph', content: [{ type: 'text', text: 'deep' }] };
    for (let i = 0; i < 1500; i++) deep = { type: 'blockquote', content: [deep] };
    const { doc } = await current(id);
    expectError(await steps(id, [{ stepType: 'replace', from: doc.content.size, to: doc.content.size, slice: { content: [deep] } }]), 400, 'invalid:step');
    expectError(await rita.post('/api/documents', { title: 'Deep', language: 'en', format: 'html', content: `${'<blockquote>'.repeat(1500)}x${'</blockquote>'.repeat(1500)}` }), 400, 'invalid:content');
    const md = await rita.post('/api/documents', { title: 'Deep md', language: 'en', format: 'markdown', content: `${'> '.repeat(1500)}x` });
    expect([201, 400]).toContain(md.status);
    const exported = JSON.parse((await download(id, 'json')).bytes.toString());
    expectError(await rita.post('/api/documents/import', { ...exported, document: { ...exported.document, doc: { type: 'doc', content: [deep] } } }), 400, 'invalid:content');
  });

  it('refuses text with NUL or a lone surrogate in steps, titles and comments, naming the field', async () => {
    expectError(await steps(id, [{ stepType: 'replace', from: 3, to: 3, slice: { content: [{ type: 'text', text: 'a\u0000b' }] } }]), 400, 'invalid:step');
    expectError(await steps(id, [{ stepType: 'replace', from: 3, to: 3, slice: { content: [{ type: 'text', text: 'a\uD800b' }] } }]), 400, 'invalid:step');
    for (const title of ['Bad \uD800 title', 'Bad\u0000title', 'Bell\u0007']) {
      const res = await rita.post('/api/documents', { title, language: 'en', content: 'Text.' });
      expectError(res, 400, 'invalid:body');
      expect(res.body.error.message).toMatch(/title/);
      expectError(await rita.patch(`/api/documents/${id}`, { title }), 400, 'invalid:body');
    }
    const { doc, version } = await current(id);
    const { claim } = await ok(await rita.post(`/api/documents/${id}/claims`, { ...findText(doc, 'gamma')!, version }));
    const res = await rita.post(`/api/claims/${claim.id}/comments`, { body: 'lone \uDC00 surrogate' });
    expectError(res, 400, 'invalid:body');
    expect(res.body.error.message).toMatch(/body/);
    expect((await rita.get(`/api/claims/${claim.id}/comments`)).body.comments).toHaveLength(0);
    expect((await current(id)).document.title).toBe('Gate');
  });

  it('refuses claims and steps that would cut an emoji or other astral character in half', async () => {
    const { id: emojiId } = await create({ title: 'Emoji', language: 'de', content: 'Flagge 🇩🇪 und Text 😀 hier.' });
    const { doc, version } = await current(emojiId);
    const at = findText(doc, '😀')!;
    expectError(await rita.post(`/api/documents/${emojiId}/claims`, { from: at.from, to: at.from + 1, version }), 400, 'invalid:body');
    expectError(await rita.post(`/api/documents/${emojiId}/claims`, { from: at.from + 1, to: at.to, version }), 400, 'invalid:body');
    expect((await rita.post(`/api/documents/${emojiId}/claims`, { ...at, version })).status).toBe(201);
    const { version: v2 } = await current(emojiId);
    expectError(await rita.post(`/api/documents/${emojiId}/steps`, { version: v2, clientID: 'x', steps: [{ stepType: 'replace', from: at.from, to: at.from + 1 }] }), 400, 'invalid:step');
    expectError(await rita.post(`/api/documents/${emojiId}/steps`, { version: v2, clientID: 'x', steps: [{ stepType: 'addMark', from: at.from + 1, to: at.to + 3, mark: { type: 'em' } }] }), 400, 'invalid:step');
    expect((await current(emojiId)).doc.textContent).toBe('Flagge 🇩🇪 und Text 😀 hier.');
  });

  it('takes languages from the list of BCP 47 tags, not free text', async () => {
    expectError(await rita.post('/api/documents', { title: 'Lang', language: 'Deutsch', content: 'Text.' }), 400, 'invalid:body');
    expectError(await rita.post('/api/documents', { title: 'Lang', language: 'xx', content: 'Text.' }), 400, 'invalid:body');
    expect((await create({ title: 'Lang', language: 'PT-br', content: 'Texto.' })).language).toBe('pt-BR');
    expect((await create({ title: 'Arabic', language: 'ar', content: 'نص.' })).language).toBe('ar');
  });
});

describe('imports a desk can use', () => {
  it('keeps only the article of a web page, with its title and canonical address, unless the form gives them', async () => {
    const article = corpus().find((a) => a.file === 'en-climate.html')!;
    const res = await upload(new Blob([article.content], { type: 'text/html' }), 'saved-page_final.html', { language: 'en' });
    const { document } = await ok(res);
    expect(document.title).toBe(article.title);
    const { doc, document: full } = await current(document.id);
    expect(full.sourceUrl).toMatch(/^https:\/\/news\.example\.org\//);
    expect(full.byline).toMatch(/Priya Raman/);
    expect(full.publishedAt).toBe('2026-10-02');
    // The report and ClaimReview name the article's author and date.
    const { doc: pageDoc, version } = await current(document.id);
    await ok(await rita.post(`/api/documents/${document.id}/claims`, { ...findText(pageDoc, article.mustContain[0]!)!, version, verdict: 'true', rationale: 'Matches the data.' }));
    const [review] = JSON.parse((await download(document.id, 'claimreview')).bytes.toString());
    expect(review.itemReviewed.appearance).toMatchObject({ url: full.sourceUrl, datePublished: '2026-10-02', author: { '@type': 'Person', name: expect.stringContaining('Priya Raman') } });
    expect(unknownProperties(review, schemaOrg())).toEqual([]);
    expect((await page(`/documents/${document.id}/report`)).html).toContain('published 2 Oct 2026');
    for (const phrase of article.mustNotContain) expect(doc.textContent).not.toContain(phrase);
    const titled = await ok(await upload(new Blob([article.content]), 'page.html', { language: 'en', title: 'My own title', sourceUrl: 'https://example.org/mine' }));
    expect(titled.document.title).toBe('My own title');
    expect((await current(titled.document.id)).document.sourceUrl).toBe('https://example.org/mine');
  });

  it('uses the Title field for an uploaded JSON export', async () => {
    const { id } = await create({ title: 'Exported original', language: 'en', content: 'Some text to export.' });
    const exported = JSON.parse((await download(id, 'json')).bytes.toString());
    const res = await ok(await rita.post('/api/documents/import', { ...exported, title: 'Renamed on import', language: 'de' }));
    expect(res.document).toMatchObject({ title: 'Renamed on import', language: 'de' });
  });

  it('imports a Word file with headings, lists, tables, links and footnotes, and its comments as claim drafts on their words', async () => {
    const word = new Document({
      comments: { children: [{ id: 0, author: 'Chief Editor', date: new Date('2026-11-01'), children: [new Paragraph('Check the 48 million figure')] }] },
      footnotes: { 1: { children: [new Paragraph('Ministry of Finance, budget table 4.')] } },
      sections: [
        {
          children: [
            new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun('Budget report from Word')] }),
            new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('The figures')] }),
            new Paragraph({
              children: [
                new TextRun('The ministry said the programme cost '),
                new CommentRangeStart(0),
                new TextRun('48 million euros'),
                new CommentRangeEnd(0),
                new TextRun({ children: [new CommentReference(0)] }),
                new TextRun(' in 2025.'),
                new FootnoteReferenceRun(1),
                new TextRun(' See '),
                new ExternalHyperlink({ link: 'https://example.org/budget', children: [new TextRun({ text: 'the budget', style: 'Hyperlink' })] }),
                new TextRun('.'),
              ],
            }),
            new Paragraph({ alignment: AlignmentType.LEFT, bullet: { level: 0 }, children: [new TextRun('First point')] }),
            new Table({ rows: [new TableRow({ children: [new TableCell({ children: [new Paragraph('Year')] }), new TableCell({ children: [new Paragraph('Cost')] })] }), new TableRow({ children: [new TableCell({ children: [new Paragraph('2025')] }), new TableCell({ children: [new Paragraph('48 Mio.')] })] })] }),
          ],
        },
      ],
    });
    const bytes = await Packer.toBuffer(word);
    const { document } = await ok(await upload(new Blob([new Uint8Array(bytes)]), 'budget.docx', { language: 'en' }));
    expect(document.title).toBe('Budget report from Word');
    const { doc } = await current(document.id);
    const kinds = new Set<string>();
    doc.descendants((n) => void kinds.add(n.type.name));
    for (const k of ['heading', 'bullet_list', 'table', 'table_cell']) expect(kinds).toContain(k);
    expect(doc.textContent).not.toMatch(/[\uE000-\uE002]/);
    const hrefs: string[] = [];
    doc.descendants((n) => void n.marks.forEach((m) => m.type.name === 'link' && hrefs.push(m.attrs.href)));
    expect(hrefs).toEqual(['https://example.org/budget']);
    // The footnote is an endnote: a numbered Notes section at the end, without the back link.
    expect(doc.child(doc.childCount - 2).textContent).toBe('Notes');
    expect(doc.lastChild!.type.name).toBe('ordered_list');
    expect(doc.lastChild!.textContent.trim()).toBe('Ministry of Finance, budget table 4.');
    const { claims } = (await rita.get(`/api/documents/${document.id}/claims`)).body;
    expect(claims).toHaveLength(1);
    expect(claims[0]).toMatchObject({ quote: { exact: '48 million euros' }, statement: 'Check the 48 million figure', status: 'open' });
    expect(claims[0].rationale).toContain('Chief Editor');
  });

  it('refuses a file that is not a Word file, and a .doc, with a message saying what to do', async () => {
    expectError(await upload(new Blob(['not a zip']), 'fake.docx', { language: 'en' }), 400, 'invalid:content');
    expectError(await upload(new Blob(['x']), 'old.doc', { language: 'en' }), 415, 'unsupported_media_type');
  });
});

describe('every corpus article opens, takes claims anywhere, and exports in every format', () => {
  const articles = corpus();

  for (const article of articles) {
    it(`${article.file} (${article.language})`, async () => {
      const { id } = await create({ language: article.language, format: article.format, content: article.content });
      const { doc, version } = await current(id);
      // A claim on a phrase of running text and, where there is a table, on a cell.
      const phrases = [article.mustContain[0]!, ...(article.tableCell ? [article.tableCell] : [])];
      let v = version;
      for (const phrase of phrases) {
        const range = findText(doc, phrase);
        expect(range, phrase).not.toBeNull();
        const { claim } = await ok(await rita.post(`/api/documents/${id}/claims`, { ...range, version: v, verdict: 'mostly_true', rationale: 'Checked.' }));
        expect(claim.quote.exact).toBe(phrase);
        await ok(await rita.post(`/api/claims/${claim.id}/sources`, { url: 'https://example.org/source', title: 'Source' }));
        v = (await current(id)).version;
      }
      const editorPage = await page(`/documents/${id}`);
      expect(editorPage.status).toBe(200);
      const report = await page(`/documents/${id}/report`);
      expect(report.status).toBe(200);
      if (article.language === 'ar' || article.language === 'he') expect(report.html).toMatch(/class="report-article"[^>]*dir="rtl"|dir="rtl"[^>]*class="report-article"/);
      for (const format of ['pdf', 'docx', 'md', 'csv', 'w3c', 'claimreview', 'json']) {
        const res = await download(id, format);
        expect(res.status, `${format}: ${res.bytes.toString().slice(0, 200)}`).toBe(200);
      }
      const md = (await download(id, 'md')).bytes.toString();
      for (const phrase of article.mustContain.slice(1)) expect(md.replace(/\\([\\`*_[\]<>|~&#+=.-])/g, '$1')).toContain(phrase);
      const { musts, selectors } = webAnnotationValidators();
      const collection = JSON.parse((await download(id, 'w3c')).bytes.toString());
      for (const annotation of collection.first.items) {
        expect(failedAssertions(annotation, musts)).toEqual([]);
        expect(failedAssertions(annotation, selectors)).toEqual([]);
      }
      const extract = schemaOrg();
      for (const review of JSON.parse((await download(id, 'claimreview')).bytes.toString())) expect(unknownProperties(review, extract)).toEqual([]);
    });
  }
});

describe('exports of structured articles', () => {
  let id: string;
  beforeAll(async () => {
    id = (
      await create({
        title: 'Structured export',
        language: 'de',
        format: 'markdown',
        content: '## Zahlen\n\nDie Quote lag bei 3.5 % im well-known Jahr 2025.\n\n3. dritter Punkt\n4. vierter Punkt\n\n| Jahr | Wert |\n| --- | --- |\n| 2025 | 48,3 Millionen |\n',
      })
    ).id;
    const { doc, version } = await current(id);
    const { claim } = await ok(await rita.post(`/api/documents/${id}/claims`, { ...findText(doc, '48,3 Millionen')!, version, verdict: 'false', rationale: 'Es waren 47,1 Millionen.' }));
    await ok(await rita.post(`/api/claims/${claim.id}/sources`, { url: 'https://example.org/statistik', title: 'Statistikamt' }));
  });

  it('Markdown keeps list numbers and tables, and escapes only what Markdown would read as markup', async () => {
    const md = (await download(id, 'md')).bytes.toString();
    expect(md).toContain('Die Quote lag bei 3.5 % im well-known Jahr 2025.');
    expect(md).toMatch(/^3\. dritter Punkt$/m);
    expect(md).toMatch(/^4\. vierter Punkt$/m);
    expect(md).toMatch(/^\| Jahr \| Wert \|$/m);
    expect(md).toMatch(/^\| 2025 \| \*\*48,3 Millionen\*\*<sup>\[1\]\(#claim-1\)<\/sup> \|$/m);
  });

  it('the report page numbers ordered lists and shows the table', async () => {
    const { html } = await page(`/documents/${id}/report`);
    expect(html).toMatch(/<span class="li-marker">3\.<\/span>/);
    expect(html).toMatch(/<table>[\s\S]*48,3 Millionen[\s\S]*<\/table>/);
  });

  it('Word: the article with each claim as a comment holding its verdict, rationale and sources', async () => {
    const res = await download(id, 'docx');
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(res.headers.get('content-disposition')).toContain('structured-export.docx');
    const zip = await JSZip.loadAsync(res.bytes);
    const comments = await zip.file('word/comments.xml')!.async('string');
    // The article is German: so are the comments' words.
    expect(comments).toContain('Bewertung: Falsch');
    expect(comments).toContain('Es waren 47,1 Millionen.');
    expect(comments).toContain('https://example.org/statistik');
    const { value: text } = await mammoth.extractRawText({ buffer: res.bytes });
    expect(text).toContain('48,3 Millionen');
    expect(text).toContain('Entwurf — nicht freigegeben');
  });

  it('downloads are named without control characters', async () => {
    const res = await download(id, 'pdf');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="structured-export\.pdf"; filename\*=UTF-8''Structured%20export\.pdf$/);
  });
});

describe('exports off the editors’ path', () => {
  it('allows a user at most two exports at once (429 beyond), and serves a repeated export from the cache', async () => {
    const lines = Array.from({ length: 1500 }, (_, i) => `Absatz ${i}: Die Bundesregierung rechnet mit ${i * 3} Millionen Euro Mehrkosten im Jahr ${2000 + (i % 30)}.`);
    const { id } = await create({ title: 'Long export', language: 'de', content: lines.join('\n') }, ben);
    const results = await Promise.all([0, 1, 2, 3].map(() => download(id, 'pdf', ben)));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(2);
    expect(statuses).toContain(429);
    const refused = results.find((r) => r.status === 429)!;
    expect(JSON.parse(refused.bytes.toString()).error).toMatchObject({ code: 'rate_limited', message: expect.stringContaining('exports') });
    // Another user is not held back by Ben's exports.
    expect((await download(id, 'md', rita)).status).toBe(200);
    // PDFs carry their creation time: the same bytes twice means the second came from the cache.
    const again = await download(id, 'pdf', ben);
    const andAgain = await download(id, 'pdf', ben);
    expect(again.status).toBe(200);
    expect(andAgain.bytes.equals(again.bytes)).toBe(true);
    expect(andAgain.bytes.subarray(0, 5).toString()).toBe('%PDF-');
  });
});

describe('any document the schema allows (property)', () => {
  it('stored through the API, opens in the editor, the report and every export; W3C and ClaimReview validate', async () => {
    const { musts, selectors } = webAnnotationValidators();
    const extract = schemaOrg();
    await fc.assert(
      fc.asyncProperty(arbitraryDoc, fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom('false', 'mostly_true', 'unverifiable', null)), { minLength: 1, maxLength: 3 }), async (doc, picks) => {
        // Claims on ranges of text inside text blocks (headings, list items, table cells, captions).
        const blocks: { from: number; to: number }[] = [];
        doc.descendants((node, pos) => {
          if (node.isTextblock && node.textContent.trim()) blocks.push({ from: pos + 1, to: pos + node.nodeSize - 1 });
          return !node.isTextblock;
        });
        const claims = picks.flatMap(([b, offset, verdict], i) => {
          const block = blocks[b % blocks.length];
          if (!block) return [];
          let from = block.from + (offset % Math.max(1, block.to - block.from));
          let to = Math.min(block.to, from + 1 + (offset % 40));
          // A selection never splits a character: ranges that would are refused (tested below).
          if (splitsCharacter(doc, from)) from -= 1;
          if (splitsCharacter(doc, to)) to += 1;
          if (!doc.textBetween(from, to).trim()) return [];
          return [{ from, to, orphaned: false, quote: { exact: '', prefix: '', suffix: '' }, statement: `Claim ${i + 1}`, claimant: null, claimDate: null, verdict, rationale: verdict ? 'Checked.' : null, tags: [], status: 'open', sources: [] }];
        });
        const res = await rita.post('/api/documents/import', {
          format: 'factdesk-document',
          formatVersion: 1,
          document: { title: 'Generated article', language: 'ar', sourceUrl: 'https://example.org/generated', doc: doc.toJSON() },
          claims,
        });
        expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(201);
        const id = res.body.document.id as string;
        const stored = await current(id);
        expect(stored.doc.eq(doc)).toBe(true);
        expect((await page(`/documents/${id}`)).status).toBe(200);
        expect((await page(`/documents/${id}/report`)).status).toBe(200);
        for (const format of ['pdf', 'docx', 'md', 'csv', 'json']) {
          const file = await download(id, format);
          expect(file.status, `${format}: ${file.bytes.toString().slice(0, 300)}`).toBe(200);
        }
        const collection = JSON.parse((await download(id, 'w3c')).bytes.toString());
        expect(collection.first.items).toHaveLength(claims.length);
        for (const annotation of collection.first.items) {
          expect(failedAssertions(annotation, musts)).toEqual([]);
          expect(failedAssertions(annotation, selectors)).toEqual([]);
          // The position selector points at the quote in the article's plain text.
          const [quote, position] = annotation.target.selector;
          expect(position.end - position.start).toBe([...quote.exact].length);
        }
        for (const review of JSON.parse((await download(id, 'claimreview')).bytes.toString())) expect(unknownProperties(review, extract)).toEqual([]);
        await editor.delete(`/api/documents/${id}`);
      }),
      { numRuns: 25, seed: 20261130 },
    );
  });
});
