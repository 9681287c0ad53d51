/**
 * Phones (390 px wide): no page scrolls sideways, and the claims are a bottom sheet that
 * opens to the claim form.
 */
import { expect, test, type Page } from '@playwright/test';
import { DocumentPage, LoginPage } from './pages';

test.use({ viewport: { width: 390, height: 844 } });

const sideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

test('at 390 px every page fits the width, and the claims open as a bottom sheet', async ({ page }) => {
  await new LoginPage(page).signInAs('admin@factdesk.test');
  const created = await page.request.post('/api/documents', { data: { title: 'Handy-Ansicht: Sicherheitsgarantieverhandlungen', language: 'de', content: 'Der Kreml warnt vor Maßnahmen. Die NATO antwortet gelassen.' } });
  const { document } = await created.json();
  const { document: full } = await (await page.request.get(`/api/documents/${document.id}`)).json();
  expect((await page.request.post(`/api/documents/${document.id}/claims`, { data: { from: 5, to: 10, version: full.version, verdict: 'false' } })).status()).toBe(201);
  for (const path of ['/documents', `/documents/${document.id}`, `/documents/${document.id}/report`, `/documents/${document.id}/activity`, '/admin/members', '/my-claims', '/account/password']) {
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    expect(await sideways(page), path).toBeLessThanOrEqual(0);
  }
  // The editor: the sheet shows only its head until opened.
  await page.goto(`/documents/${document.id}`);
  const doc = new DocumentPage(page);
  const toggle = doc.sidebar.getByRole('button', { name: 'Show claims' });
  await expect(toggle).toBeVisible();
  await expect(doc.sidebar.getByRole('button', { name: /^Claim 1:/ })).toBeHidden();
  await toggle.click();
  await doc.sidebar.getByRole('button', { name: /^Claim 1:/ }).click();
  await expect(doc.sidebar.getByRole('textbox', { name: 'Rationale', exact: true })).toBeVisible();
  await page.screenshot({ path: 'test-results/phone-sheet.png' });
  await doc.sidebar.getByRole('button', { name: 'Hide claims' }).click();
  await expect(doc.sidebar.getByRole('textbox', { name: 'Rationale', exact: true })).toBeHidden();
  // Tapping highlighted words brings the sheet up with that claim.
  await doc.highlights().first().click();
  await expect(doc.sidebar.getByRole('button', { name: 'Hide claims' })).toBeVisible();
});
