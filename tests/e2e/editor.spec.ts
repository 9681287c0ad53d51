import { expect, test } from '@playwright/test';
import { DocumentPage, LoginPage, SAMPLE_TITLE, openNewDocumentDialog } from './pages';

test('a wrong password shows an error and keeps the user on the login page', async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn('reviewer@factdesk.test', 'not-the-password');
  await expect(page.getByRole('alert').filter({ hasText: /Wrong email or password/ })).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
});

test('signed-out visitors are sent to the login page and back after signing in', async ({ page }) => {
  await page.goto('/documents');
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fdocuments/);
  await new LoginPage(page).signIn('viewer@factdesk.test');
  await expect(page).toHaveURL(/\/documents$/);
});

test('a reviewer types a sentence into the sample article and it is still there after a reload', async ({ page }) => {
  await new LoginPage(page).signInAs('reviewer@factdesk.test');
  const doc = new DocumentPage(page);
  await doc.openFromList(SAMPLE_TITLE);
  await expect(doc.editor).toContainText('Die NATO geht davon aus, dass sie das Recht der Ukraine');
  await doc.caretAfter('Die NATO geht davon aus');
  const sentence = ' Dieser Satz wurde im Test geschrieben.';
  await page.keyboard.type(sentence);
  await expect(doc.saveState).toHaveText('All changes saved');
  await page.reload();
  await expect(doc.editor).toContainText(`Linie beibehält.${sentence}`);
  // Undo works on a fresh edit.
  await doc.caretAfter('Dieser Satz wurde');
  await page.keyboard.type(' Noch mehr.');
  await expect(doc.editor).toContainText('Noch mehr.');
  await page.keyboard.press('Control+z');
  await expect(doc.editor).not.toContainText('Noch mehr.');
});

test('a viewer sees the article read-only: typing changes nothing', async ({ page }) => {
  await new LoginPage(page).signInAs('viewer@factdesk.test');
  const doc = new DocumentPage(page);
  await doc.openFromList(SAMPLE_TITLE);
  await expect(page.getByText('Read only')).toBeVisible();
  await expect(doc.editor).toHaveAttribute('contenteditable', 'false');
  // Other people's cursor labels may come and go meanwhile; compare the article's text.
  const before = await doc.articleText();
  await doc.caretAfter('Die NATO geht davon aus');
  await page.keyboard.type('Viewer was here');
  await page.keyboard.press('Enter');
  expect(await doc.articleText()).toBe(before);
  await page.reload();
  await expect(doc.editor).not.toContainText('Viewer was here');
  await expect(page.getByRole('button', { name: 'Delete' })).toHaveCount(0);
});

test('an editor creates a document by pasting text and lands in its editor', async ({ page }) => {
  await new LoginPage(page).signInAs('editor@factdesk.test');
  await openNewDocumentDialog(page);
  const dialog = page.getByRole('dialog', { name: 'New document' });
  await dialog.getByLabel(/^Title/).fill('Pressemitteilung Test');
  await dialog.getByLabel('Article text').fill('Erster Absatz.\nZweiter Absatz mit „Anführungszeichen“.');
  await dialog.getByRole('button', { name: 'Create document' }).click();
  const doc = new DocumentPage(page);
  await expect(page.getByRole('heading', { name: 'Pressemitteilung Test' })).toBeVisible();
  await expect(doc.editor.locator('p')).toHaveText(['Erster Absatz.', 'Zweiter Absatz mit „Anführungszeichen“.']);
});
