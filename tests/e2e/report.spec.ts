import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { findText } from '@/lib/claims/anchor';
import { schema } from '@/lib/editor/schema';
import { LoginPage, openNewDocumentDialog } from './pages';

const TEXT = 'Russland warnt davor, mit „militärisch-technischen Maßnahmen“ zu reagieren.\nEl mandatario declaró sentirse preocupado. ¿Por qué?';
const QUOTE = 'mit „militärisch-technischen Maßnahmen“ zu reagieren';

/** The text of each page of a PDF, and the first page's size in points. */
async function pdfPages(bytes: Buffer) {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const pdf = await pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false }).promise;
  const pages: string[] = [];
  let size = { width: 0, height: 0 };
  for (let i = 1; i <= pdf.numPages; i++) {
    const page = await pdf.getPage(i);
    if (i === 1) {
      const [, , w, h] = page.view;
      size = { width: Math.round(w!), height: Math.round(h!) };
    }
    pages.push((await page.getTextContent()).items.map((item) => ('str' in item ? item.str : '')).join(' ').replace(/\s+/g, ' '));
  }
  return { pages, size };
}

test('the report page shows the draft, prints on A4 without the app around it, and downloads every format; the JSON re-imports', async ({ page }) => {
  await new LoginPage(page).signInAs('reviewer@factdesk.test');
  const created = await page.request.post('/api/documents', { data: { title: 'Bericht: Maßnahmen', language: 'de', sourceUrl: 'https://www.example.org/artikel', content: TEXT } });
  const { document } = await created.json();
  const { document: full } = await (await page.request.get(`/api/documents/${document.id}`)).json();
  const range = findText(schema.nodeFromJSON(full.doc), QUOTE)!;
  const { claim } = await (
    await page.request.post(`/api/documents/${document.id}/claims`, {
      data: { ...range, version: full.version, verdict: 'needs_context', claimant: 'Wladimir Putin', rationale: 'Vage Drohung ohne Einzelheiten.' },
    })
  ).json();
  await page.request.post(`/api/claims/${claim.id}/sources`, { data: { url: 'https://www.nato.int/cps/en/natohq/news_189666.htm', title: 'NATO-Pressekonferenz' } });

  await page.goto(`/documents/${document.id}`);
  await page.getByRole('region', { name: 'Review and sign-off' }).getByRole('link', { name: 'Report' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Bericht: Maßnahmen' })).toBeVisible();
  await expect(page.getByRole('note').filter({ hasText: 'Entwurf — nicht freigegeben' })).toBeVisible();
  await expect(page.locator('.report-article mark')).toHaveText([QUOTE]);
  const claimSection = page.locator('#claim-1');
  // The article is German: the report is German, inside the English interface.
  await expect(claimSection).toContainText('Kontext fehlt');
  await expect(claimSection.getByRole('link', { name: 'NATO-Pressekonferenz' })).toHaveAttribute('href', 'https://www.nato.int/cps/en/natohq/news_189666.htm');
  await expect(page.getByRole('heading', { name: 'Methodik' })).toBeVisible();

  // Printing: the app's header and the download bar go, the draft mark stays.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'Report tools' })).toBeHidden();
  await expect(page.getByRole('note').filter({ hasText: 'Entwurf — nicht freigegeben' })).toBeVisible();
  // Chromium's own print to PDF: A4, every page numbered and marked as a draft.
  const printed = await pdfPages(await page.pdf({ preferCSSPageSize: true }));
  expect(printed.size).toEqual({ width: 595, height: 842 });
  printed.pages.forEach((text, i) => {
    expect(text).toContain('Entwurf — nicht freigegeben');
    expect(text).toContain(`Seite ${i + 1} von ${printed.pages.length}`);
  });
  expect(printed.pages.join(' ')).toContain('„militärisch-technischen Maßnahmen“');
  // Copying from the printed report gives whole words (no fi/ff ligatures split them).
  expect(printed.pages.join(' ')).toContain('Nicht überprüfbar');
  await page.emulateMedia({ media: 'screen' });

  const checks: Record<string, [string, (body: Buffer) => void]> = {
    PDF: ['Bericht Maßnahmen.pdf', (b) => expect(b.subarray(0, 5).toString()).toBe('%PDF-')],
    'Word (claims as comments)': ['Bericht Maßnahmen.docx', (b) => expect(b.subarray(0, 2).toString()).toBe('PK')],
    Markdown: ['Bericht Maßnahmen.md', (b) => expect(b.toString()).toContain('# Bericht: Maßnahmen')],
    'CSV (spreadsheet)': ['Bericht Maßnahmen.csv', (b) => expect([...b.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])],
    'W3C Web Annotation': ['Bericht Maßnahmen-annotations.jsonld', (b) => expect(JSON.parse(b.toString()).type).toBe('AnnotationCollection')],
    'schema.org ClaimReview': ['Bericht Maßnahmen-claimreview.jsonld', (b) => expect(JSON.parse(b.toString())[0]['@type']).toBe('ClaimReview')],
    'Factdesk JSON (re-importable)': ['Bericht Maßnahmen.factdesk.json', (b) => expect(JSON.parse(b.toString()).format).toBe('factdesk-document')],
  };
  let jsonPath = '';
  for (const [label, [fileName, check]] of Object.entries(checks)) {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: `Download ${label}` }).click()]);
    expect(download.suggestedFilename()).toBe(fileName);
    const file = await download.path();
    check(fs.readFileSync(file));
    if (fileName.endsWith('.json')) jsonPath = file;
  }

  // The JSON export comes back in as a new document with its claim.
  await page.goto('/documents');
  await openNewDocumentDialog(page);
  await page.getByRole('radio', { name: 'Upload a file' }).check();
  await page.getByLabel(/^File/).setInputFiles({ name: 'bericht.factdesk.json', mimeType: 'application/json', buffer: fs.readFileSync(jsonPath) });
  await page.getByRole('button', { name: 'Create document' }).click();
  await page.waitForURL((url) => /^\/documents\/[0-9a-f-]{36}$/.test(url.pathname) && !url.pathname.endsWith(document.id));
  await expect(page.getByRole('complementary', { name: 'Claims' }).getByRole('button', { name: /^Claim 1: mit „militärisch-technischen Maßnahmen“ zu reagieren/ })).toBeVisible();
});
