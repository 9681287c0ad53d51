/**
 * The inbox: the bell counts new notifications live (no reload), the inbox lists them in the
 * reader's words, opening one leads to the claim and marks it read; "Mark all as read"; and
 * the settings page changes the interface language.
 */
import { expect, test } from '@playwright/test';
import { findText } from '@/lib/claims/anchor';
import { schema } from '@/lib/editor/schema';
import { signedIn } from './pages';

test('a mention rings the bell live; the inbox leads to the claim and marks it read', async ({ browser }) => {
  const ben = await signedIn(browser, 'reviewer2@factdesk.test');
  const rita = await signedIn(browser, 'reviewer@factdesk.test');
  // Start from an empty inbox.
  await ben.page.request.post('/api/notifications/read', { data: { all: true } });
  await ben.page.reload();
  const bell = ben.page.getByRole('link', { name: /^Inbox, / });
  const inboxStatus = () => ben.page.getByRole('region', { name: 'Inbox' }).getByRole('status');
  await expect(bell).toHaveAccessibleName('Inbox, no unread notifications');

  // A second tab of Ben's browser: it shares the first tab's stream (one connection for all tabs).
  const streams: string[] = [];
  ben.context.on('request', (r) => void (r.url().includes('/api/notifications/stream') && streams.push(r.frame().page() === ben.page ? 'first tab' : 'second tab')));
  const second = await ben.context.newPage();
  await second.goto('/my-claims');
  const secondBell = second.getByRole('link', { name: /^Inbox, / });
  await expect(secondBell).toHaveAccessibleName('Inbox, no unread notifications');

  // Rita mentions Ben on a claim.
  const title = `Glocke ${Date.now()}`;
  const { document } = await (await rita.page.request.post('/api/documents', { data: { title, language: 'de', content: 'In Polen stehen MK-41-Startanlagen.' } })).json();
  const { document: full } = await (await rita.page.request.get(`/api/documents/${document.id}`)).json();
  const range = findText(schema.nodeFromJSON(full.doc), 'MK-41-Startanlagen')!;
  const { claim } = await (await rita.page.request.post(`/api/documents/${document.id}/claims`, { data: { ...range, version: full.version } })).json();
  await rita.page.request.post(`/api/claims/${claim.id}/comments`, { data: { body: '@Ben Reviewer, kannst du das übernehmen?' } });

  // Ben's bell counts it without a reload, and the inbox says what happened.
  await expect(bell).toHaveAccessibleName('Inbox, 1 unread notification');
  await expect(ben.page.locator('.inbox-count')).toHaveText('1');
  await expect(secondBell).toHaveAccessibleName('Inbox, 1 unread notification');
  // (The first tab's own stream may open after the listener: only the second tab's would be one too many.)
  expect(streams.filter((s) => s === 'second tab')).toEqual([]);
  await second.close();
  await bell.click();
  await expect(ben.page.getByRole('heading', { level: 1, name: 'Inbox' })).toBeVisible();
  const item = ben.page.getByRole('link', { name: `Rita Reviewer mentioned you on “MK-41-Startanlagen” in ${title}` });
  await expect(item).toBeVisible();
  await expect(inboxStatus()).toHaveText('1 unread notification');

  // Opening it shows the claim, and it is read.
  await item.click();
  await expect(ben.page).toHaveURL(new RegExp(`/documents/${document.id}\\?claim=${claim.id}$`));
  await expect(ben.doc.sidebar.getByRole('button', { name: /^Claim 1:/ })).toHaveAttribute('aria-expanded', 'true');
  await expect(bell).toHaveAccessibleName('Inbox, no unread notifications');

  // A second one, marked read with "Mark all as read" in the inbox, which updates live too.
  await bell.click();
  await expect(inboxStatus()).toHaveText('No unread notifications');
  await rita.page.request.post(`/api/claims/${claim.id}/comments`, { data: { body: '@Ben Reviewer noch eine Frage.' } });
  await expect(inboxStatus()).toHaveText('1 unread notification');
  await ben.page.getByRole('button', { name: 'Mark all as read' }).click();
  await expect(inboxStatus()).toHaveText('No unread notifications');
  await expect(bell).toHaveAccessibleName('Inbox, no unread notifications');
  await ben.context.close();
  await rita.context.close();
});

test('settings: the interface language and e-mail choice are the account’s own', async ({ browser }) => {
  const vera = await signedIn(browser, 'viewer@factdesk.test');
  await vera.page.getByRole('link', { name: 'Settings' }).click();
  await expect(vera.page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await vera.page.getByRole('combobox', { name: 'Language of the interface' }).selectOption('es');
  await vera.page.getByRole('radio', { name: 'One summary a day' }).check();
  await vera.page.getByRole('button', { name: 'Save settings' }).click();
  await expect(vera.page.getByRole('heading', { level: 1, name: 'Configuración' })).toBeVisible();
  // The account remembers it: a new browser (English) signs in and sees Spanish.
  const other = await browser.newContext({ locale: 'en-US' });
  const page = await other.newPage();
  await page.goto('/login');
  await page.getByLabel('Email').fill('viewer@factdesk.test');
  await page.getByLabel('Password').fill('factdesk-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Documentos' })).toBeVisible();
  const settings = await (await page.request.get('/api/account')).json();
  expect(settings.settings).toMatchObject({ locale: 'es', emailNotifications: 'daily' });
  // Back to the browser's language and instant e-mail.
  await page.request.patch('/api/account', { data: { locale: null, emailNotifications: 'instant' } });
  await other.close();
  await vera.context.close();
});
