/**
 * Check-worthiness hints in the editor: marks in the margin, the review bar's count, a click
 * on a hinted sentence leads to its entry, Mark as claim makes it a claim, Dismiss hides it
 * for the document (also after a reload and for colleagues).
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { seriousViolations } from './axe';
import { signedIn } from './pages';

test('hints mark likely check-worthy sentences; one becomes a claim, one is dismissed for the desk', async ({ browser }) => {
  const rita = await signedIn(browser, 'reviewer@factdesk.test');
  const created = await rita.page.request.post('/api/documents', { data: { title: `Hinweise ${Date.now()}`, language: 'de', content: fs.readFileSync(path.join(process.cwd(), 'db/seed-data/nato-russland-2021-12-21.de.txt'), 'utf8') } });
  const url = `/documents/${(await created.json()).document.id}`;
  await rita.page.goto(url);
  const panel = rita.page.getByRole('region', { name: 'Review and sign-off' });
  const summary = panel.locator('.cw-hints summary');
  await expect(summary).toHaveText(/^\d+ likely check-worthy sentences not marked$/);
  const count = async () => Number((await summary.textContent())!.split(' ')[0]);
  const before = await count();
  await expect(rita.page.locator('.cw-hint')).toHaveCount(before);
  await expect(rita.page.locator('.cw-block').first()).toBeVisible();
  expect(await seriousViolations(rita.page)).toEqual([]);

  // A click on the MK-41 sentence opens its entry (the caret stays in the article); Mark as claim makes it a claim.
  await rita.page.locator('.cw-hint', { hasText: 'MK-41-Shuttles' }).first().click();
  const mark = panel.getByRole('button', { name: /^Mark as claim: „Wir sind besorgt über den Standort/ });
  await expect(mark).toBeInViewport();
  await expect(rita.doc.editor).toBeFocused();
  await mark.click();
  await expect(rita.doc.sidebar.getByRole('button', { name: /^Claim 1: .*MK-41-Shuttles/ })).toBeVisible();
  await rita.page.screenshot({ path: 'test-results/checkworthy-hints.png' });
  await expect.poll(count).toBe(before - 1);
  await expect(rita.page.locator('.cw-hint', { hasText: 'MK-41-Shuttles' })).toHaveCount(0);

  // Dismiss the strongest remaining hint: gone here, after a reload, and for Ben.
  // (The list is still open from the click on the sentence.)
  await expect(panel.locator('.cw-hints')).toHaveAttribute('open', '');
  const first = panel.locator('.cw-hints li').first();
  const text = (await first.locator('q').textContent())!;
  await first.getByRole('button', { name: /^Dismiss the hint on:/ }).click();
  await expect.poll(count).toBe(before - 2);
  await rita.page.reload();
  await expect(summary).toHaveText(`${before - 2} likely check-worthy sentences not marked`);
  await expect(panel.locator('.cw-hints q', { hasText: text })).toHaveCount(0);
  const ben = await signedIn(browser, 'reviewer2@factdesk.test');
  await ben.page.goto(url);
  await expect(ben.page.getByRole('region', { name: 'Review and sign-off' }).locator('.cw-hints summary')).toHaveText(`${before - 2} likely check-worthy sentences not marked`);

  // Viewers get no hints (they cannot act on them).
  const vera = await signedIn(browser, 'viewer@factdesk.test');
  await vera.page.goto(url);
  await expect(vera.doc.editor).toBeVisible();
  await expect(vera.page.locator('.cw-hints')).toHaveCount(0);
  for (const c of [rita, ben, vera]) await c.context.close();
});
