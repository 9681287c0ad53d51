/** Takes the README's screenshots from the demo desk (see playwright.screenshots.config.ts). */
import { expect, test, type Browser } from '@playwright/test';
import { DEMO_PASSWORD, DocumentPage, SAMPLE_TITLE } from '../e2e/pages';

const OUT = 'docs/screenshots';

async function signedIn(browser: Browser, email: string, locale = 'en-GB', viewport = { width: 1280, height: 800 }) {
  const context = await browser.newContext({ locale, timezoneId: locale.startsWith('de') ? 'Europe/Berlin' : 'Europe/London', viewport });
  const page = await context.newPage();
  await page.goto('/login');
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
  await page.locator('button[type="submit"]').click();
  await page.waitForURL(/\/documents/);
  return { context, page };
}

async function sampleId(page: import('@playwright/test').Page) {
  const list = await (await page.request.get(`/api/documents?q=${encodeURIComponent(SAMPLE_TITLE)}`)).json();
  return list.documents[0].id as string;
}

test('README screenshots', async ({ browser }) => {
  // The sign-in page.
  const anonymous = await browser.newContext({ locale: 'en-GB' });
  const login = await anonymous.newPage();
  await login.goto('/login');
  await login.screenshot({ path: `${OUT}/login.png` });
  await anonymous.close();

  // The editor with the demo claims; the approved one open in the sidebar.
  const rita = await signedIn(browser, 'reviewer@factdesk.test');
  const id = await sampleId(rita.page);
  await rita.page.goto(`/documents/${id}`);
  const doc = new DocumentPage(rita.page);
  await expect(doc.editor).toBeVisible();
  await expect(doc.sidebar.getByRole('button', { name: /^Claim \d:/ })).toHaveCount(4);
  await rita.page.screenshot({ path: `${OUT}/editor.png` });
  await doc.sidebar.getByRole('button', { name: /^Claim \d: In Polen werden MK-41/ }).click();
  await expect(doc.sidebar.getByRole('region', { name: 'Review' })).toBeVisible();
  await rita.page.screenshot({ path: `${OUT}/claim-details.png` });

  // The document list, searched.
  await rita.page.goto('/documents?q=NATO');
  await rita.page.screenshot({ path: `${OUT}/document-list.png` });

  // Ben's inbox: the verdict waiting for his approval, and a mention.
  const claims = (await (await rita.page.request.get(`/api/documents/${id}/claims`)).json()).claims as { id: string; status: string }[];
  const open = claims.find((c) => c.status === 'in_progress')!;
  await rita.page.request.post(`/api/claims/${open.id}/comments`, { data: { body: '@Ben Reviewer, findest du das Datum der Gespräche?' } });
  const proposed = claims.find((c) => c.status === 'proposed')!;
  await rita.page.request.post(`/api/claims/${proposed.id}/comments`, { data: { body: '@Ben Reviewer bitte bestätigen.' } });
  const ben = await signedIn(browser, 'reviewer2@factdesk.test');
  await ben.page.goto('/notifications');
  await expect(ben.page.getByRole('heading', { level: 1, name: 'Inbox' })).toBeVisible();
  await ben.page.screenshot({ path: `${OUT}/inbox.png` });

  // A German desk: the report of the sample article, signed off, in German, in Berlin time.
  const erik = await signedIn(browser, 'editor@factdesk.test', 'de-DE');
  const { document } = await (
    await erik.page.request.post('/api/documents', { data: { title: 'Startanlagen in Polen', language: 'de', content: 'In Polen stehen Startanlagen vom Typ MK-41, die für Tomahawk-Marschflugkörper angepasst werden könnten.' } })
  ).json();
  const { document: full } = await (await erik.page.request.get(`/api/documents/${document.id}`)).json();
  const { claim } = await (
    await erik.page.request.post(`/api/documents/${document.id}/claims`, {
      data: { from: 17, to: 43, version: full.version, verdict: 'needs_context', claimant: 'Russisches Außenministerium', rationale: 'Die Anlage in Redzikowo ist für SM-3-Abfangraketen konfiguriert; MK-41 kann technisch auch Tomahawks starten.' },
    })
  ).json();
  await erik.page.request.post(`/api/claims/${claim.id}/sources`, { data: { url: 'https://www.mda.mil/system/aegis_ashore.html', title: 'Aegis Ashore', publisher: 'U.S. Missile Defense Agency', kind: 'official', stance: 'context' } });
  await erik.page.request.post(`/api/claims/${claim.id}/transitions`, { data: { action: 'propose' } });
  await ben.page.request.post(`/api/claims/${claim.id}/transitions`, { data: { action: 'approve' } });
  await erik.page.request.post(`/api/documents/${document.id}/transitions`, { data: { action: 'submit' } });
  await erik.page.request.post(`/api/documents/${document.id}/transitions`, { data: { action: 'sign_off' } });
  await erik.page.request.post(`/api/documents/${document.id}/publish`);
  await erik.page.goto(`/documents/${document.id}/report`);
  await erik.page.reload();
  await expect(erik.page.getByRole('heading', { level: 2, name: 'Zusammenfassung' })).toBeVisible();
  await erik.page.screenshot({ path: `${OUT}/german-report.png` });

  // A phone: the editor with the claims as a bottom sheet.
  const phone = await signedIn(browser, 'reviewer@factdesk.test', 'en-GB', { width: 390, height: 844 });
  await phone.page.goto(`/documents/${id}`);
  await expect(new DocumentPage(phone.page).editor).toBeVisible();
  await phone.page.getByRole('button', { name: 'Show claims' }).click();
  await phone.page.screenshot({ path: `${OUT}/phone.png` });

  for (const c of [rita, ben, erik, phone]) await c.context.close();
});
