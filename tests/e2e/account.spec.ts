/**
 * Accounts in the browser: an admin invites someone new, who signs in with the one-time
 * password, must choose their own first, and joins from the document list.
 */
import { expect, test } from '@playwright/test';
import { LoginPage } from './pages';

test('an invited newcomer signs in with the one-time password, chooses their own, and joins the desk', async ({ browser }) => {
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await new LoginPage(admin).signInAs('admin@factdesk.test');
  await admin.goto('/admin/members');
  const email = `neu-${Date.now()}@factdesk.test`;
  const form = admin.getByRole('form', { name: 'Invite a member' });
  await form.getByRole('textbox', { name: 'Name' }).fill('Nora Neu');
  await form.getByRole('textbox', { name: 'E-mail' }).fill(email);
  await form.getByRole('combobox', { name: 'Role' }).selectOption('reviewer');
  await form.getByRole('button', { name: 'Invite member' }).click();
  const password = (await admin.getByLabel('Initial password').textContent())!.trim();
  expect(password.length).toBeGreaterThanOrEqual(16);
  await expect(admin.getByRole('table', { name: 'Invited, not joined yet' })).toContainText(email);
  await admin.screenshot({ path: 'test-results/invite.png' });

  const noraContext = await browser.newContext();
  const nora = await noraContext.newPage();
  await nora.goto('/login');
  await new LoginPage(nora).signIn(email, password);
  // The reset-style password opens only the Change password page.
  await expect(nora.getByRole('heading', { name: 'Change password' })).toBeVisible();
  await nora.goto('/documents');
  await expect(nora).toHaveURL(/\/account\/password$/);
  await nora.getByLabel('Current password').fill(password);
  await nora.getByLabel('New password', { exact: true }).fill('noras-eigenes-passwort');
  await nora.getByLabel('New password again').fill('noras-eigenes-passwort');
  await nora.getByRole('button', { name: 'Change password' }).click();
  await expect(nora.getByRole('heading', { name: 'Documents', exact: true })).toBeVisible();
  const invitations = nora.getByRole('region', { name: 'Invitations' });
  await expect(invitations).toContainText('Ada Admin invited you to Demo desk as a reviewer');
  await nora.screenshot({ path: 'test-results/invitation.png' });
  await invitations.getByRole('button', { name: 'Join Demo desk' }).click();
  await expect(invitations).toHaveCount(0);
  await expect(nora.getByText('Demo desk · you are a reviewer')).toBeVisible();
  await expect(nora.getByRole('link', { name: 'Die NATO und Russland' }).or(nora.locator('.doc-link').first())).toBeVisible();

  // The admin now sees her as a member under her own name.
  await admin.reload();
  await expect(admin.getByRole('table', { name: 'Members and their roles' })).toContainText('Nora Neu');
  await adminContext.close();
  await noraContext.close();
});
