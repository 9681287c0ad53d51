/**
 * A German desk end to end, in German browsers in Berlin: sign in, mark a claim, give it a
 * verdict and a source, propose, a second reviewer approves (and is notified in the inbox),
 * an editor signs off and publishes; a stranger with an English browser reads the German
 * report at its public address, whose ClaimReview is valid.
 */
import { expect, test, type Browser } from '@playwright/test';
import { schemaOrg, unknownProperties } from '../support/validators';
import { seriousViolations } from './axe';
import { DEMO_PASSWORD, DocumentPage } from './pages';

const TEXT = [
  'Putin warnte vor „militärisch-technischen Maßnahmen“, falls die NATO ihre Politik nicht ändere.',
  'In Polen stehen Startanlagen vom Typ MK-41, die für Tomahawk-Marschflugkörper angepasst werden könnten.',
].join('\n');
const CLAIM = 'Startanlagen vom Typ MK-41';

/** A German browser in Berlin, signed in through the German login page. */
async function germanDesk(browser: Browser, email: string) {
  const context = await browser.newContext({ locale: 'de-DE', timezoneId: 'Europe/Berlin' });
  const page = await context.newPage();
  await page.goto('/login');
  await expect(page.getByRole('heading', { level: 1, name: 'Melde dich an deinem Desk an' })).toBeVisible();
  await page.getByLabel('E-Mail').fill(email);
  await page.getByLabel('Passwort').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dokumente' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  return { context, page, doc: new DocumentPage(page, /^Artikeltext/) };
}

test('a German desk checks, approves, signs off and publishes in German; the public report is German and its ClaimReview validates', async ({ browser }) => {
  const rita = await germanDesk(browser, 'reviewer@factdesk.test');
  const created = await rita.page.request.post('/api/documents', { data: { title: 'Startanlagen in Polen', language: 'de', content: TEXT } });
  const url = `/documents/${(await created.json()).document.id}`;

  // Rita marks the claim and fills it in, all in German.
  await rita.page.goto(url);
  await expect(rita.page.getByRole('region', { name: 'Prüfung und Freigabe' })).toContainText('Entwurf');
  await rita.doc.select(CLAIM);
  await rita.page.getByRole('button', { name: 'Behauptung hinzufügen', exact: true }).click();
  const sidebar = rita.page.getByRole('complementary', { name: 'Behauptungen' });
  await sidebar.getByRole('combobox', { name: 'Bewertung', exact: true }).selectOption({ label: 'Kontext fehlt' });
  await sidebar.getByRole('textbox', { name: 'Begründung', exact: true }).fill('Die Anlage in Redzikowo ist für SM-3-Abfangraketen konfiguriert.');
  await expect(sidebar.getByRole('status').filter({ hasText: 'Alle Änderungen gespeichert' })).toBeVisible();
  await expect(sidebar.getByText('Um eine Bewertung vorzuschlagen, füge mindestens eine Quelle hinzu.')).toBeVisible();
  await sidebar.getByRole('button', { name: '+ Quelle hinzufügen' }).click();
  const sourceForm = sidebar.getByRole('form', { name: 'Neue Quelle' });
  await sourceForm.getByRole('textbox', { name: 'URL', exact: true }).fill('www.mda.mil/system/aegis_ashore.html');
  await sourceForm.getByRole('textbox', { name: 'Titel', exact: true }).fill('Aegis Ashore');
  // The "accessed" date is today where the reviewer is (Berlin), not in UTC.
  const berlinToday = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date());
  await expect(sourceForm.getByLabel('Abgerufen am')).toHaveValue(berlinToday);
  await sourceForm.getByRole('button', { name: 'Diese Quelle hinzufügen' }).click();
  await expect(sidebar.getByRole('link', { name: 'Aegis Ashore' })).toHaveAttribute('href', 'https://www.mda.mil/system/aegis_ashore.html');
  await sidebar.getByRole('button', { name: 'Bewertung vorschlagen' }).click();
  const review = sidebar.getByRole('region', { name: 'Prüfung' });
  await expect(review).toContainText('Vorgeschlagen von Rita Reviewer');

  // Ben is asked to approve: his bell counts it, his inbox says so in German and leads to the claim.
  const ben = await germanDesk(browser, 'reviewer2@factdesk.test');
  await ben.page.getByRole('link', { name: /^Posteingang, \d+ ungelesene Benachrichtigung/ }).click();
  const request = ben.page.getByRole('link', { name: 'Rita Reviewer hat in Startanlagen in Polen eine Bewertung für „Startanlagen vom Typ MK-41“ vorgeschlagen und bittet dich um Bestätigung' });
  await expect(request).toBeVisible();
  await request.click();
  const benSidebar = ben.page.getByRole('complementary', { name: 'Behauptungen' });
  await benSidebar.getByRole('region', { name: 'Prüfung' }).getByRole('button', { name: 'Bewertung bestätigen' }).click();
  await expect(benSidebar.getByRole('region', { name: 'Prüfung' })).toContainText('Bestätigt von Ben Reviewer');

  // Rita submits; Erik signs off (confirming) and publishes.
  await rita.page.getByRole('region', { name: 'Prüfung und Freigabe' }).getByRole('button', { name: 'Zur Prüfung einreichen' }).click();
  const erik = await germanDesk(browser, 'editor@factdesk.test');
  await erik.page.goto(url);
  const panel = erik.page.getByRole('region', { name: 'Prüfung und Freigabe' });
  erik.page.once('dialog', (d) => void d.accept());
  await panel.getByRole('button', { name: 'Freigeben', exact: true }).click();
  await expect(panel.getByRole('status')).toContainText('Freigegeben von Erik Editor');
  await panel.getByRole('link', { name: 'Bericht' }).click();
  // The report, in the reader's zone with the zone named (Berlin in winter: MEZ).
  await expect(erik.page.locator('.signoff-block')).toContainText(/Freigegeben von Erik Editor am .* MEZ — Revision 1/);
  await erik.page.getByRole('group', { name: 'Veröffentlichung' }).getByRole('button', { name: 'Veröffentlichen' }).click();
  const publicLink = erik.page.getByRole('group', { name: 'Veröffentlichung' }).getByRole('link');
  const publicUrl = (await publicLink.getAttribute('href'))!;
  expect(publicUrl).toMatch(/\/r\/[A-Za-z0-9_-]{32}$/);
  await erik.page.screenshot({ path: 'test-results/german-report.png' });
  expect(await seriousViolations(erik.page)).toEqual([]);

  // A stranger with an English browser, not signed in, reads the German report.
  const stranger = await browser.newContext({ locale: 'en-US' });
  const reader = await stranger.newPage();
  await reader.goto(publicUrl);
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText('Startanlagen in Polen');
  for (const heading of ['Zusammenfassung', 'Artikel', 'Behauptungen', 'Methodik']) await expect(reader.getByRole('heading', { level: 2, name: heading })).toBeVisible();
  await expect(reader.locator('#claim-1')).toContainText('Kontext fehlt');
  await expect(reader.locator('#claim-1')).toContainText('Quellen');
  const [claimReview] = JSON.parse((await reader.locator('script[type="application/ld+json"]').textContent())!);
  expect(claimReview).toMatchObject({
    '@type': 'ClaimReview',
    url: `${publicUrl}#claim-1`,
    inLanguage: 'de',
    creativeWorkStatus: 'Published',
    reviewRating: { '@type': 'Rating', alternateName: 'Kontext fehlt', ratingValue: 3, bestRating: 5, worstRating: 1 },
  });
  expect(unknownProperties(claimReview, schemaOrg())).toEqual([]);
  // The public page is accessible too (its language is the report's).
  expect(await seriousViolations(reader)).toEqual([]);
  for (const context of [rita.context, ben.context, erik.context, stranger]) await context.close();
});

test('the sign-in page offers the three languages, and the choice sticks', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  await page.goto('/login');
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to your desk' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Language' }).selectOption('es');
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('Sign in to your desk');
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await page.getByRole('combobox', { name: 'Idioma' }).selectOption('de');
  await expect(page.getByRole('heading', { level: 1, name: 'Melde dich an deinem Desk an' })).toBeVisible();
  await context.close();
});
