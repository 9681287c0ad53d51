import { expect, test } from '@playwright/test';
import { DocumentPage, LoginPage, SAMPLE_TITLE, openNewDocumentDialog } from './pages';

const CLAIM = 'Tomahawk-Angriffssystemen angepasst werden könnten';

test('a reviewer marks a claim, gives it a verdict and a source; it survives reload, typing and deletion', async ({ page }) => {
  await new LoginPage(page).signInAs('reviewer@factdesk.test');
  const doc = new DocumentPage(page);
  await doc.openFromList(SAMPLE_TITLE);
  await expect(doc.sidebar.getByText('No claims yet.')).toBeVisible();

  await doc.select(CLAIM);
  await page.getByRole('button', { name: 'Add claim', exact: true }).click();
  await expect(doc.highlights()).toHaveText([CLAIM]);
  const details = doc.sidebar;
  await details.getByRole('textbox', { name: 'Claim as checked', exact: true }).fill('In Polen werden MK-41-Startanlagen aufgestellt, die Tomahawk-Marschflugkörper abfeuern können.');
  await details.getByRole('textbox', { name: 'Claimant', exact: true }).fill('Wladimir Putin');
  await details.getByRole('combobox', { name: 'Verdict', exact: true }).selectOption({ label: 'Needs context' });
  await details.getByRole('button', { name: 'Save claim' }).click();
  await expect(details.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  await details.getByRole('button', { name: '+ Add source' }).click();
  const sourceForm = details.getByRole('form', { name: 'New source' });
  await sourceForm.getByRole('textbox', { name: 'URL', exact: true }).fill('https://www.mda.mil/system/aegis_ashore.html');
  await sourceForm.getByRole('textbox', { name: 'Title', exact: true }).fill('Aegis Ashore');
  await sourceForm.getByRole('combobox', { name: 'Stance', exact: true }).selectOption('context');
  await sourceForm.getByRole('button', { name: 'Add this source' }).click();
  const link = details.getByRole('link', { name: 'Aegis Ashore' });
  await expect(link).toHaveAttribute('href', 'https://www.mda.mil/system/aegis_ashore.html');
  await expect(link).toHaveAttribute('target', '_blank');
  await expect(link).toHaveAttribute('rel', 'noopener noreferrer');

  // After a reload the highlight and the sidebar entry are still there.
  await page.reload();
  await expect(doc.highlights()).toHaveText([CLAIM]);
  await expect(doc.highlights().first()).toHaveClass(/verdict-needs_context/);
  const item = doc.sidebar.getByRole('listitem').filter({ has: page.getByRole('button', { name: /^Claim 1: In Polen werden MK-41-Startanlagen/ }) });
  await expect(item).toContainText('Needs context');
  await expect(item).toContainText('1 source');

  // Typing at the start of the paragraph leaves the highlight on the same words.
  await doc.caretBefore('Stunden zuvor hatte Putin');
  await page.keyboard.type('Ein neuer Satz am Anfang. ');
  await expect(doc.editor).toContainText('Ein neuer Satz am Anfang. Stunden zuvor');
  await expect(doc.highlights()).toHaveText([CLAIM]);
  await expect(doc.saveState).toHaveText('All changes saved');
  await page.reload();
  await expect(doc.highlights()).toHaveText([CLAIM]);

  // Deleting the claimed words orphans the claim; it stays listed.
  await doc.select(CLAIM);
  await page.keyboard.press('Backspace');
  await expect(doc.highlights()).toHaveCount(0);
  await expect(doc.sidebar.getByText('Orphaned', { exact: true })).toBeVisible();
  await expect(doc.saveState).toHaveText('All changes saved');
  await page.reload();
  await expect(doc.sidebar.getByText('Orphaned', { exact: true })).toBeVisible();
  await doc.sidebar.getByLabel('Show only orphaned claims').check();
  await expect(doc.sidebar.getByRole('button', { name: /orphaned$/ })).toHaveCount(1);
});

test('keyboard: Ctrl+Shift+M marks overlapping claims, Alt+↓/↑ moves between them, the card shows on hover', async ({ page }) => {
  await new LoginPage(page).signInAs('reviewer2@factdesk.test');
  await openNewDocumentDialog(page);
  const dialog = page.getByRole('dialog', { name: 'New document' });
  await dialog.getByLabel(/^Title/).fill('Overlap test');
  await dialog.getByLabel('Article text').fill('Russland warnt vor militärisch-technischen Maßnahmen gegen die NATO.');
  await dialog.getByRole('button', { name: 'Create document' }).click();
  const doc = new DocumentPage(page);
  await expect(doc.editor).toContainText('Russland warnt vor militärisch-technischen Maßnahmen gegen die NATO.');
  await expect(doc.saveState).toHaveText('All changes saved');

  await doc.select('Russland warnt vor militärisch-technischen');
  await page.keyboard.press('Control+Shift+M');
  await expect(doc.highlights()).toHaveCount(1);
  await doc.select('militärisch-technischen Maßnahmen gegen die NATO');
  await page.keyboard.press('Control+Shift+M');
  await expect(doc.sidebar.getByRole('button', { name: /^Claim \d:/ })).toHaveCount(2);
  // The overlap is drawn as a nested highlight.
  await expect(doc.editor.locator('.claim-hl .claim-hl')).toHaveText('militärisch-technischen');

  await doc.sidebar.getByRole('button', { name: /^Claim 1:/ }).click();
  await page.keyboard.press('Alt+ArrowDown');
  await expect(doc.sidebar.getByRole('button', { name: /^Claim 2:/ })).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('Alt+ArrowUp');
  await expect(doc.sidebar.getByRole('button', { name: /^Claim 1:/ })).toHaveAttribute('aria-expanded', 'true');

  await doc.editor.getByText('Russland warnt vor').hover();
  await expect(page.getByTestId('claim-card')).toContainText('Russland warnt vor militärisch-technischen');
  await expect(page.getByTestId('claim-card')).toContainText('0 sources');
});

test('viewers see claims but cannot add or change them', async ({ page }) => {
  await new LoginPage(page).signInAs('viewer@factdesk.test');
  const doc = new DocumentPage(page);
  await doc.openFromList(SAMPLE_TITLE);
  await expect(page.getByRole('button', { name: 'Add claim', exact: true })).toHaveCount(0);
  const before = await doc.highlights().count();
  const claimsBefore = await doc.sidebar.getByRole('button', { name: /^Claim \d+:/ }).count();
  await doc.select('Die NATO geht davon aus');
  await expect(page.getByRole('button', { name: 'Add claim for the selected text' })).toHaveCount(0);
  await page.keyboard.press('Control+Shift+M');
  await page.waitForTimeout(500);
  expect(await doc.highlights().count()).toBe(before);
  expect(await doc.sidebar.getByRole('button', { name: /^Claim \d+:/ }).count()).toBe(claimsBefore);
  if (claimsBefore > 0) {
    await doc.sidebar.getByRole('button', { name: /^Claim 1:/ }).click();
    // A read view, not a greyed-out form.
    await expect(doc.sidebar.getByRole('combobox', { name: 'Verdict', exact: true })).toHaveCount(0);
    await expect(doc.sidebar.getByRole('term').filter({ hasText: 'Verdict' })).toBeVisible();
    await expect(doc.sidebar.getByRole('button', { name: 'Save claim' })).toHaveCount(0);
  }
});

test('My claims lists the claims one marked or proposed, not only those assigned', async ({ page }) => {
  await new LoginPage(page).signInAs('reviewer2@factdesk.test');
  const created = await page.request.post('/api/documents', { data: { title: `Meine Behauptungen ${Date.now()}`, language: 'de', content: 'Ben markiert diese Behauptung.' } });
  const { document } = await created.json();
  const { document: full } = await (await page.request.get(`/api/documents/${document.id}`)).json();
  const res = await page.request.post(`/api/documents/${document.id}/claims`, { data: { from: 6, to: 14, version: full.version, statement: 'Ben markiert' } });
  expect(res.status()).toBe(201);
  await page.goto('/my-claims');
  const item = page.getByRole('listitem').filter({ hasText: 'Ben markiert' });
  await expect(item).toContainText('marked by you');
});
