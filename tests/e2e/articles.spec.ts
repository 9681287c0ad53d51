/**
 * Real articles in the browser: headings, links, lists, tables, figures and right-to-left
 * text open in the editor, take claims anywhere, survive the toolbar and a reload.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import fc from 'fast-check';
import { arbitraryDoc } from '../support/arbitrary-doc';
import { corpus } from '../support/corpus';
import { DocumentPage, LoginPage, openNewDocumentDialog } from './pages';

/** Fails the test on any uncaught error in the page. */
function watchErrors(page: Page) {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

async function createDocument(page: Page, data: Record<string, unknown>) {
  const res = await page.request.post('/api/documents', { data });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()).document.id as string;
}

test('a Markdown article with a heading, a link and a numbered list opens; H2 from the toolbar survives a reload', async ({ page }) => {
  const errors = watchErrors(page);
  await new LoginPage(page).signInAs('editor@factdesk.test');
  const id = await createDocument(page, { title: 'Structured article', language: 'en', format: 'markdown', content: '## A heading\n\nSee [the source](https://example.org).\n\n1. one\n2. two\n\nA plain paragraph to promote.' });
  const response = await page.goto(`/documents/${id}`);
  expect(response?.status()).toBe(200);
  const doc = new DocumentPage(page);
  await expect(doc.editor.getByRole('heading', { name: 'A heading' })).toBeVisible();
  await expect(doc.editor.getByRole('link', { name: 'the source' })).toHaveAttribute('href', 'https://example.org');
  await expect(doc.editor.locator('ol > li')).toHaveText(['one', 'two']);

  await doc.caretAfter('A plain paragraph to promote.');
  await page.getByRole('button', { name: 'H2 heading', exact: true }).click();
  await expect(doc.editor.getByRole('heading', { name: 'A plain paragraph to promote.' })).toBeVisible();
  await expect(doc.saveState).toHaveText('All changes saved');
  expect((await page.reload())?.status()).toBe(200);
  await expect(doc.editor.getByRole('heading', { name: 'A plain paragraph to promote.' })).toBeVisible();
  // …and the document can still be deleted from the page.
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByRole('heading', { name: 'Documents', level: 1 })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Structured article' })).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('a claim inside a table cell, highlighted and listed in the sidebar, beside the article’s figure', async ({ page }) => {
  await new LoginPage(page).signInAs('reviewer@factdesk.test');
  const article = corpus().find((a) => a.file === 'de-bundestag.md')!;
  const id = await createDocument(page, { language: 'de', format: 'markdown', content: article.content });
  await page.goto(`/documents/${id}`);
  const doc = new DocumentPage(page);
  await expect(doc.editor.locator('table')).toBeVisible();
  await expect(doc.editor.locator('figure img')).toHaveAttribute('src', /^https:\/\//);
  await doc.select(article.tableCell!);
  await page.getByRole('button', { name: 'Add claim', exact: true }).click();
  await expect(doc.highlights()).toHaveText([article.tableCell!]);
  await expect(doc.sidebar.getByRole('button', { name: new RegExp(`^Claim 1: ${article.tableCell}`) })).toBeVisible();
  await page.reload();
  await expect(doc.highlights()).toHaveText([article.tableCell!]);
});

test('right-to-left articles read right to left in the editor and the report; an embedded Latin acronym keeps its order', async ({ page }) => {
  await new LoginPage(page).signInAs('reviewer@factdesk.test');
  const article = corpus().find((a) => a.file === 'ar-economy.md')!;
  const id = await createDocument(page, { language: 'ar', format: 'markdown', content: article.content });
  await page.goto(`/documents/${id}`);
  const doc = new DocumentPage(page);
  await expect(doc.editor).toHaveAttribute('dir', 'rtl');
  const paragraph = doc.editor.locator('p', { hasText: article.mustContain[0]! }).first();
  await expect(paragraph).toHaveCSS('direction', 'rtl');
  await doc.select(article.mustContain[0]!);
  await page.getByRole('button', { name: 'Add claim', exact: true }).click();
  await expect(doc.highlights()).toHaveText([article.mustContain[0]!]);
  fs.mkdirSync('test-results', { recursive: true });
  await page.screenshot({ path: path.join('test-results', 'rtl-editor.png') });
  await page.goto(`/documents/${id}/report`);
  await expect(page.locator('.report-article')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('.report-article mark')).toHaveText([article.mustContain[0]!]);
  await page.screenshot({ path: path.join('test-results', 'rtl-report.png'), fullPage: false });
});

test('generated documents (fixed seeds) render in Chromium with their text visible and no page error', async ({ page }) => {
  const errors = watchErrors(page);
  await new LoginPage(page).signInAs('reviewer@factdesk.test');
  const docs = fc.sample(arbitraryDoc, { seed: 1130, numRuns: 3 });
  for (const doc of docs) {
    const res = await page.request.post('/api/documents/import', {
      data: { format: 'factdesk-document', formatVersion: 1, document: { title: 'Generated', language: 'de', sourceUrl: null, doc: doc.toJSON() }, claims: [] },
    });
    expect(res.status(), await res.text()).toBe(201);
    const { document } = await res.json();
    expect((await page.goto(`/documents/${document.id}`))?.status()).toBe(200);
    const editor = new DocumentPage(page).editor;
    await expect(editor).toBeVisible();
    // Every text block's first words are on the page.
    const firsts: string[] = [];
    doc.descendants((node) => {
      if (node.isTextblock && node.textContent.trim()) firsts.push(node.textContent.trim().split(/\s+/)[0]!);
      return !node.isTextblock;
    });
    const text = (await editor.textContent()) ?? '';
    for (const word of firsts.slice(0, 20)) expect(text).toContain(word);
    expect((await page.goto(`/documents/${document.id}/report`))?.status()).toBe(200);
    await expect(page.locator('.report-article')).toBeVisible();
  }
  expect(errors).toEqual([]);
});

test('a Word file uploaded in the New document dialog opens with its structure and its comment as a claim', async ({ page }) => {
  const { Document, Packer, Paragraph, TextRun, HeadingLevel, CommentRangeStart, CommentRangeEnd, CommentReference } = await import('docx');
  const word = new Document({
    comments: { children: [{ id: 0, author: 'Desk', date: new Date(), children: [new Paragraph('Is this figure right?')] }] },
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun('Haushalt 2026')] }),
          new Paragraph({ children: [new TextRun('Der Bund plant '), new CommentRangeStart(0), new TextRun('476 Milliarden Euro'), new CommentRangeEnd(0), new TextRun({ children: [new CommentReference(0)] }), new TextRun(' Ausgaben.')] }),
        ],
      },
    ],
  });
  const buffer = Buffer.from(await Packer.toBuffer(word));
  await new LoginPage(page).signInAs('reviewer@factdesk.test');
  const dialog = await openNewDocumentDialog(page);
  await dialog.getByRole('radio', { name: 'Upload a file' }).check();
  await dialog.getByRole('combobox', { name: 'Language' }).selectOption('de');
  await dialog.getByLabel(/^File/).setInputFiles({ name: 'haushalt.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer });
  await dialog.getByRole('button', { name: 'Create document' }).click();
  const doc = new DocumentPage(page);
  await expect(page.locator('h1.doc-title')).toHaveText('Haushalt 2026');
  await expect(doc.editor.getByRole('heading', { name: 'Haushalt 2026' })).toBeVisible();
  await expect(doc.highlights()).toHaveText(['476 Milliarden Euro']);
  await expect(doc.sidebar.getByText('Is this figure right?').first()).toBeVisible();
});
