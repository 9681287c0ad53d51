import { expect, test } from '@playwright/test';
import { signedIn, openNewDocumentDialog, typeTogether } from './pages';


test('two reviewers type in the same paragraph at once: both end with the same text and see each other', async ({ browser }) => {
  const title = `Gemeinsam bearbeiten ${Date.now()}`;
  const rita = await signedIn(browser, 'reviewer@factdesk.test');
  await openNewDocumentDialog(rita.page);
  const dialog = rita.page.getByRole('dialog', { name: 'New document' });
  await dialog.getByLabel(/^Title/).fill(title);
  await dialog.getByLabel('Article text').fill('Der Kreml warnt vor Maßnahmen.');
  await dialog.getByRole('button', { name: 'Create document' }).click();
  await expect(rita.doc.editor).toBeVisible();

  const ben = await signedIn(browser, 'reviewer2@factdesk.test');
  await ben.doc.openFromList(title);
  await expect(ben.doc.editor).toContainText('Der Kreml warnt vor Maßnahmen.');

  const expected = await typeTogether(rita, ben);

  // A claim Rita marks appears for Ben, highlight and sidebar, without a reload.
  await rita.doc.select('Kreml warnt');
  await rita.page.keyboard.press('Control+Shift+M');
  await expect(ben.doc.highlights()).toHaveText(['Kreml warnt']);
  await expect(ben.doc.sidebar.getByRole('button', { name: /^Claim 1: Kreml warnt/ })).toBeVisible();

  // After a reload both still read the same text.
  await ben.page.reload();
  await expect.poll(() => ben.doc.articleText()).toBe(expected);
  await rita.context.close();
  await ben.context.close();
});

test('edits made offline are kept, shown as unsent, and saved when the connection is back', async ({ browser }) => {
  const { context, page, doc } = await signedIn(browser, 'editor@factdesk.test');
  await openNewDocumentDialog(page);
  const dialog = page.getByRole('dialog', { name: 'New document' });
  await dialog.getByLabel(/^Title/).fill('Offline');
  await dialog.getByLabel('Article text').fill('Erster Satz.');
  await dialog.getByRole('button', { name: 'Create document' }).click();
  await expect(doc.saveState).toHaveText('All changes saved');

  await context.setOffline(true);
  await doc.caretAfter('Erster Satz.');
  await page.keyboard.type(' Offline geschrieben.');
  await expect(doc.saveState).toContainText(/Offline|Reconnecting/);
  await expect(doc.saveState).toContainText('unsent');
  await context.setOffline(false);
  await expect(doc.saveState).toHaveText('All changes saved', { timeout: 40_000 });
  await page.reload();
  await expect(doc.editor).toHaveText('Erster Satz. Offline geschrieben.');
  await context.close();
});

test('a colleague deletes the open document: the page goes to the document list, not to a page that is gone', async ({ browser }) => {
  const rita = await signedIn(browser, 'reviewer@factdesk.test');
  const erik = await signedIn(browser, 'editor@factdesk.test');
  const created = await rita.page.request.post('/api/documents', { data: { title: `Wird gelöscht ${Date.now()}`, language: 'de', content: 'Kurz.' } });
  const { document } = await created.json();
  await rita.page.goto(`/documents/${document.id}`);
  await expect(rita.doc.editor).toContainText('Kurz.');
  expect((await erik.page.request.delete(`/api/documents/${document.id}`)).status()).toBe(204);
  await expect(rita.page).toHaveURL(/\/documents$/);
  await expect(rita.page.getByRole('heading', { name: 'Documents', level: 1 })).toBeVisible();
  await rita.context.close();
  await erik.context.close();
});
