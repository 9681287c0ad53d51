/**
 * Two browsers on two app processes sharing one PostgreSQL database (playwright.pg.config.ts
 * only): live typing, carets, people and highlights cross from one process to the other.
 */
import { expect, test } from '@playwright/test';
import { findText } from '@/lib/claims/anchor';
import { schema } from '@/lib/editor/schema';
import { signedIn, typeTogether } from './pages';

const second = `http://127.0.0.1:${process.env.E2E_PORT2}`;

test('reviewers on different processes type together, see each other’s carets and claims, and converge', async ({ browser }) => {
  const rita = await signedIn(browser, 'reviewer@factdesk.test');
  const ben = await signedIn(browser, 'reviewer2@factdesk.test', second);
  const created = await rita.page.request.post('/api/documents', { data: { title: `Zwei Server ${Date.now()}`, language: 'de', content: 'Der Kreml warnt vor Maßnahmen.' } });
  expect(created.status()).toBe(201);
  const { document } = await created.json();
  await rita.page.goto(`/documents/${document.id}`);
  await ben.page.goto(`/documents/${document.id}`);
  expect(new URL(ben.page.url()).origin).toBe(second);
  await expect(rita.doc.editor).toContainText('Der Kreml warnt vor Maßnahmen.');
  await expect(ben.doc.editor).toContainText('Der Kreml warnt vor Maßnahmen.');

  await typeTogether(rita, ben);

  // A claim Ben marks on his process appears for Rita on hers, on the same words.
  await ben.doc.select('Kreml warnt');
  await ben.page.keyboard.press('Control+Shift+M');
  await expect(rita.doc.highlights()).toHaveText(['Kreml warnt']);
  await expect(rita.doc.sidebar.getByRole('button', { name: /^Claim 1: Kreml warnt/ })).toBeVisible();
  const { document: stored } = await (await rita.page.request.get(`/api/documents/${document.id}`)).json();
  const { claims } = await (await rita.page.request.get(`/api/documents/${document.id}/claims`)).json();
  expect(claims[0].from).toBe(findText(schema.nodeFromJSON(stored.doc), 'Kreml warnt')!.from);

  // Ben leaves: Rita sees him go.
  await ben.context.close();
  await expect(rita.page.getByRole('list', { name: 'People in this document' }).getByLabel('Ben Reviewer')).toHaveCount(0);
  await rita.context.close();
});
