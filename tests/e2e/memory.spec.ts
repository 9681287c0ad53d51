/** Claim memory in the editor: marking a claim a colleague checked in another article shows that claim, with its verdict, at once. */
import { expect, test } from '@playwright/test';
import { findText } from '@/lib/claims/anchor';
import { schema } from '@/lib/editor/schema';
import { signedIn } from './pages';

test('marking "Tomahawk-fähige MK-41-Startanlagen in Polen" in a second article shows the first article’s claim and verdict', async ({ browser }) => {
  const rita = await signedIn(browser, 'reviewer@factdesk.test');
  const stamp = Date.now();
  const first = (await (await rita.page.request.post('/api/documents', { data: { title: `Erster Bericht ${stamp}`, language: 'de', content: 'Russland warnt: In Polen werden Tomahawk-fähige MK-41-Startanlagen stationiert.' } })).json()).document;
  const { document: full } = await (await rita.page.request.get(`/api/documents/${first.id}`)).json();
  const range = findText(schema.nodeFromJSON(full.doc), 'In Polen werden Tomahawk-fähige MK-41-Startanlagen stationiert')!;
  await rita.page.request.post(`/api/documents/${first.id}/claims`, { data: { ...range, version: full.version, verdict: 'needs_context' } });

  const ben = await signedIn(browser, 'reviewer2@factdesk.test');
  const second = (await (await ben.page.request.post('/api/documents', { data: { title: `Zweiter Bericht ${stamp}`, language: 'de', content: 'Moskau nennt Tomahawk-fähige MK-41-Startanlagen in Polen eine Bedrohung.' } })).json()).document;
  await ben.page.goto(`/documents/${second.id}`);
  await ben.doc.select('Tomahawk-fähige MK-41-Startanlagen in Polen');
  await ben.page.getByRole('button', { name: 'Add claim', exact: true }).click();
  const before = ben.doc.sidebar.getByRole('region', { name: /^Checked before/ });
  // The sidebar marks the claim as checked before.
  await expect(ben.doc.sidebar.locator('.claim-item .checked-before')).toHaveText('↺ Checked before');
  await expect(before).toBeVisible();
  const link = before.getByRole('link', { name: 'Open In Polen werden Tomahawk-fähige MK-41-Startanlagen stationiert' });
  await expect(link).toHaveAttribute('href', new RegExp(`^/documents/${first.id}\\?claim=`));
  await expect(before).toContainText('Needs context');
  await expect(before).toContainText(`Erster Bericht ${stamp}`);
  // Reuse: the verdict comes over as Ben's proposal in progress (the first claim has no rationale or source yet), and the two are linked.
  await before.getByRole('button', { name: 'Reuse the verdict, rationale and sources of: In Polen werden Tomahawk-fähige MK-41-Startanlagen stationiert' }).click();
  await expect(ben.doc.sidebar.getByRole('combobox', { name: 'Verdict', exact: true })).toHaveValue('needs_context');
  const same = ben.doc.sidebar.getByRole('group', { name: 'Same claim as' });
  await expect(same).toContainText('In Polen werden Tomahawk-fähige MK-41-Startanlagen stationiert');
  await same.getByRole('link', { name: 'In Polen werden Tomahawk-fähige MK-41-Startanlagen stationiert' }).click();
  await expect(ben.page).toHaveURL(new RegExp(`/documents/${first.id}`));
  for (const c of [rita, ben]) await c.context.close();
});
