/** The Search page, by keyboard: words in, Enter, results with the matches marked, a result opens its claim. */
import { expect, test } from '@playwright/test';
import { findText } from '@/lib/claims/anchor';
import { schema } from '@/lib/editor/schema';
import { signedIn } from './pages';

test('search finds a claim by its rationale and opens it', async ({ browser }) => {
  const rita = await signedIn(browser, 'reviewer@factdesk.test');
  const word = `Sondervermögen${Date.now().toString(36)}`;
  const { document } = await (await rita.page.request.post('/api/documents', { data: { title: `Haushalt ${word}`, language: 'de', content: 'Die Bundeswehr erhält 100 Milliarden Euro.' } })).json();
  const { document: full } = await (await rita.page.request.get(`/api/documents/${document.id}`)).json();
  const range = findText(schema.nodeFromJSON(full.doc), 'Die Bundeswehr erhält 100 Milliarden Euro')!;
  const { claim } = await (await rita.page.request.post(`/api/documents/${document.id}/claims`, { data: { ...range, version: full.version, rationale: `Beschlossen als ${word}.` } })).json();

  await rita.page.getByRole('link', { name: 'Search', exact: true }).click();
  const box = rita.page.getByRole('searchbox', { name: 'Words' });
  await box.fill(word);
  await box.press('Enter');
  const results = rita.page.getByRole('region', { name: 'Claims (1)' });
  await expect(results.locator('mark')).toHaveText([word]);
  await results.getByRole('link', { name: 'Die Bundeswehr erhält 100 Milliarden Euro' }).click();
  await expect(rita.page).toHaveURL(new RegExp(`/documents/${document.id}\\?claim=${claim.id}$`));
  await rita.context.close();
});
