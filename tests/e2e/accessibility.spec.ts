/**
 * Accessibility: axe-core (WCAG 2.0–2.2 A and AA rules) on every page people use, with no
 * serious or critical violation.
 */
import { expect, test, type Page } from '@playwright/test';
import { seriousViolations as violations } from './axe';
import { LoginPage, SAMPLE_TITLE } from './pages';

const found: Record<string, string[]> = {};
async function check(page: Page, name: string) {
  found[name] = await violations(page);
}

test('no serious or critical axe violations on the login, list, search, editor, claim form, report, members, My claims, inbox, settings and password pages', async ({ page }) => {
  await page.goto('/login');
  await check(page, 'login');
  await new LoginPage(page).signInAs('admin@factdesk.test');
  await check(page, 'documents');
  await page.goto(`/documents?q=${encodeURIComponent(SAMPLE_TITLE)}`);
  await page.getByRole('link', { name: SAMPLE_TITLE }).first().click();
  await expect(page.getByRole('textbox', { name: /Article text/ })).toBeVisible();
  await check(page, 'editor');
  const id = page.url().split('/documents/')[1]!.split(/[?#]/)[0]!;
  await page.goto(`/documents/${id}/report`);
  await check(page, 'report');
  await page.goto('/admin/members');
  await check(page, 'members');
  await page.goto('/my-claims');
  await check(page, 'my claims');
  await page.goto('/account/password');
  await check(page, 'change password');
  await page.goto(`/documents/${id}/activity`);
  await check(page, 'activity');
  await page.goto('/notifications');
  await check(page, 'inbox');
  await page.goto('/account');
  await check(page, 'settings');
  await page.goto('/documents?q=NATO&status=draft');
  await check(page, 'document search results');
  await page.goto('/search?q=NATO');
  await check(page, 'search');
  // A document with claims in several states, one open in the sidebar's claim form.
  const created = await page.request.post('/api/documents', { data: { title: `Barrierefrei ${Date.now()}`, language: 'de', content: 'Der Kreml warnt vor Maßnahmen. Die NATO antwortet gelassen.' } });
  const { document } = await created.json();
  const { document: full } = await (await page.request.get(`/api/documents/${document.id}`)).json();
  for (const [from, to, verdict] of [[5, 10, null], [20, 29, 'false'], [31, 39, 'needs_context']] as const) {
    expect((await page.request.post(`/api/documents/${document.id}/claims`, { data: { from, to, version: full.version, ...(verdict ? { verdict } : {}) } })).status()).toBe(201);
  }
  await page.goto(`/documents/${document.id}`);
  await page.getByRole('complementary', { name: 'Claims' }).getByRole('button', { name: /^Claim 1:/ }).click();
  await expect(page.getByRole('textbox', { name: 'Rationale', exact: true })).toBeVisible();
  await check(page, 'claim form');
  expect(Object.fromEntries(Object.entries(found).filter(([, v]) => v.length))).toEqual({});
});

test('? outside text fields opens the keyboard shortcut sheet; in a text field it is just a character; Esc closes', async ({ page }) => {
  await new LoginPage(page).signInAs('reviewer@factdesk.test');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  // (The page listens once it is hydrated.)
  await expect(async () => {
    if (!(await sheet.isVisible())) await page.keyboard.press('?');
    await expect(sheet).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await expect(sheet.getByRole('row', { name: /Add a claim on the selected text/ })).toContainText('Ctrl+Shift+M');
  expect(await violations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();
  // In a text field "?" is just a character.
  const search = page.getByRole('searchbox', { name: 'Search titles and text' });
  await search.click();
  await page.keyboard.press('?');
  await expect(search).toHaveValue('?');
  await expect(sheet).toBeHidden();
});
