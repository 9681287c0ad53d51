/**
 * Suggested corrections in two browsers: the admin turns "reviewers may only suggest" on,
 * Rita corrects "MK-41-Shuttles" to "MK-41-Startanlagen" in the sample article as a
 * suggestion, Erik sees it live, the sign-off waits for it, Erik accepts it (Rita sees the
 * text change), signs off, and the report lists the correction with who proposed and who
 * accepted it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { signedIn } from './pages';

const SAMPLE = fs.readFileSync(path.join(__dirname, '../../db/seed-data/nato-russland-2021-12-21.de.txt'), 'utf8');

test('a reviewer suggests a correction, the editor accepts it live, signs off, and the report lists it', async ({ browser }) => {
  const admin = await signedIn(browser, 'admin@factdesk.test');
  await admin.page.goto('/admin/members');
  const settings = admin.page.getByRole('region', { name: 'Suggested corrections' });
  const suggestOnly = settings.getByRole('checkbox', { name: 'Reviewers may only suggest changes to the text' });
  await expect(suggestOnly).not.toBeChecked();
  await suggestOnly.check();
  await expect(settings.getByRole('status')).toHaveText('Settings saved.');
  await expect(suggestOnly).toBeChecked();
  try {
    const rita = await signedIn(browser, 'reviewer@factdesk.test');
    const created = await rita.page.request.post('/api/documents', { data: { title: 'Korrekturvorschlag MK-41', language: 'de', content: SAMPLE } });
    expect(created.status()).toBe(201);
    const documentId = (await created.json()).document.id as string;
    const url = `/documents/${documentId}`;
    await rita.page.goto(url);
    const erik = await signedIn(browser, 'editor@factdesk.test');
    await erik.page.goto(url);

    // Rita can only suggest: Suggesting is on, Editing is not available to her.
    const modes = rita.page.getByRole('radiogroup', { name: 'Mode' });
    await expect(modes.getByRole('radio', { name: 'Suggesting' })).toBeChecked();
    await expect(modes.getByRole('radio', { name: 'Editing' })).toBeDisabled();
    await expect(erik.page.getByRole('radiogroup', { name: 'Mode' }).getByRole('radio', { name: 'Editing' })).toBeChecked();

    // She selects "Shuttles" and types the correction.
    await rita.doc.select('Shuttles');
    await rita.page.keyboard.type('Startanlagen', { delay: 20 });
    await expect(rita.doc.saveState).toHaveText('All changes saved');
    await expect(rita.doc.editor.locator('del.suggestion')).toHaveText('Shuttles');
    await expect(rita.doc.editor.locator('ins.suggestion')).toHaveText('Startanlagen');

    // Erik sees it live: in the text and as a card.
    await expect(erik.doc.editor.locator('ins.suggestion')).toHaveText('Startanlagen');
    const panel = erik.page.getByRole('region', { name: 'Suggested corrections' });
    await expect(panel.getByRole('listitem')).toHaveCount(1);
    await expect(panel.getByRole('listitem')).toContainText('Rita Reviewer');
    await expect(panel.getByRole('listitem')).toContainText('Shuttles → Startanlagen');
    await erik.page.screenshot({ path: test.info().outputPath('pending.png') });
    await rita.page.screenshot({ path: test.info().outputPath('pending-rita.png') });
    // Rita explains her correction in a note; Erik sees it live and answers in the thread.
    const ritaPanel = rita.page.getByRole('region', { name: 'Suggested corrections' });
    await ritaPanel.getByRole('button', { name: 'Add a note' }).click();
    await ritaPanel.getByRole('textbox', { name: 'Note on this suggestion' }).fill('Das Pentagon spricht von Startanlagen (launchers), nicht von Shuttles.');
    await ritaPanel.getByRole('button', { name: 'Save note' }).click();
    await expect(panel.getByRole('listitem')).toContainText('Note: Das Pentagon spricht von Startanlagen');
    await panel.getByRole('button', { name: 'Comment' }).click();
    await panel.getByRole('textbox', { name: 'New comment on this suggestion' }).fill('Danke, das übernehmen wir.');
    await panel.getByRole('region', { name: 'Comments on this suggestion' }).getByRole('button', { name: 'Comment' }).click();
    await expect(panel.getByRole('region', { name: 'Comments on this suggestion' })).toContainText('Erik Editor');
    await expect(ritaPanel.getByRole('button', { name: '1 comment' })).toBeVisible();
    await ritaPanel.getByRole('button', { name: '1 comment' }).click();
    await expect(ritaPanel.getByRole('region', { name: 'Comments on this suggestion' })).toContainText('Danke, das übernehmen wir.');
    // Rita sees her card without Accept (reviewers do not decide).
    await expect(rita.page.getByRole('region', { name: 'Suggested corrections' }).getByRole('button', { name: /^Accept/ })).toHaveCount(0);

    // The sign-off waits for it.
    const review = erik.page.getByRole('region', { name: 'Review and sign-off' });
    await review.getByRole('button', { name: 'Submit for review' }).click();
    await expect(review).toContainText('1 suggested correction is still pending.');
    await expect(review.getByRole('button', { name: 'Sign off' })).toBeDisabled();
    await expect(review).toContainText('Shuttles → Startanlagen');
    const refused = await erik.page.request.post(`/api/documents/${documentId}/transitions`, { data: { action: 'sign_off' } });
    expect(refused.status()).toBe(409);
    expect((await refused.json()).error.message).toContain('One suggested correction is still pending');

    // Erik accepts; both texts change.
    await panel.getByRole('button', { name: 'Accept suggestion: Shuttles → Startanlagen' }).click();
    await expect(panel).toHaveCount(0);
    await expect.poll(() => erik.doc.articleText()).toContain('MK-41-Startanlagen in Polen');
    await expect.poll(() => rita.doc.articleText()).toContain('MK-41-Startanlagen in Polen');
    await expect(rita.doc.editor.locator('.suggestion')).toHaveCount(0);

    erik.page.once('dialog', (d) => void d.accept());
    await review.getByRole('button', { name: 'Sign off' }).click();
    await expect(review).toContainText('Signed off by Erik Editor');

    // The report (in the article's language) lists the correction.
    await erik.page.goto(`${url}/report`);
    const corrections = erik.page.getByRole('region', { name: 'Korrekturen' });
    await expect(corrections.getByRole('listitem')).toHaveCount(1);
    await expect(corrections.getByRole('listitem')).toContainText('„Shuttles“ → „Startanlagen“');
    await expect(corrections.getByRole('listitem')).toContainText('vorgeschlagen von Rita Reviewer');
    await expect(corrections.getByRole('listitem')).toContainText('angenommen von Erik Editor');
    const markdown = await erik.page.request.get(`/api/documents/${documentId}/export?format=md`);
    expect(await markdown.text()).toMatch(/## Korrekturen[\s\S]*„Shuttles“ → „Startanlagen“ — vorgeschlagen von Rita Reviewer/);
    await erik.page.screenshot({ path: test.info().outputPath('report.png'), fullPage: true });
  } finally {
    const off = await admin.page.request.put('/api/workspace-settings', { data: { reviewersSuggestOnly: false } });
    expect(off.status()).toBe(200);
  }
});

test('an editor suggests by keyboard, cannot accept their own, rejects all of one author, and Activity tells it', async ({ browser }) => {
  const erik = await signedIn(browser, 'editor@factdesk.test');
  const created = await erik.page.request.post('/api/documents', { data: { title: 'Tastatur-Vorschläge', language: 'de', content: 'Russland warnt vor Maßnahmen.\nDie NATO antwortet.' } });
  const url = `/documents/${(await created.json()).document.id}`;
  await erik.page.goto(url);
  const modes = erik.page.getByRole('radiogroup', { name: 'Mode' });
  await expect(modes.getByRole('radio', { name: 'Editing' })).toBeChecked();
  await erik.doc.caretAfter('Russland warnt');
  await erik.page.keyboard.press('Control+Alt+Shift+X');
  await expect(modes.getByRole('radio', { name: 'Suggesting' })).toBeChecked();
  await erik.page.keyboard.type(' (Moskau)', { delay: 20 });
  await expect(erik.doc.saveState).toHaveText('All changes saved');
  const panel = erik.page.getByRole('region', { name: 'Suggested corrections' });
  await expect(panel.getByRole('listitem')).toContainText('(Moskau)');
  // Four eyes: his own suggestion is not his to accept.
  await expect(panel.getByRole('button', { name: 'Accept suggestion:  (Moskau)' })).toBeDisabled();

  // Viewing: the text is read-only.
  await erik.page.keyboard.press('Control+Alt+Shift+C');
  await expect(modes.getByRole('radio', { name: 'Viewing' })).toBeChecked();
  await expect(erik.doc.editor).toHaveAttribute('contenteditable', 'false');
  await erik.page.keyboard.press('Control+Alt+Shift+Z');

  // A reviewer of the demo desk (setting off) may choose Suggesting too.
  const ben = await signedIn(browser, 'reviewer2@factdesk.test');
  await ben.page.goto(url);
  await ben.page.getByRole('radiogroup', { name: 'Mode' }).getByRole('radio', { name: 'Suggesting' }).check();
  await ben.doc.caretAfter('antwortet');
  await ben.page.keyboard.type(' sofort', { delay: 20 });
  await expect(ben.doc.saveState).toHaveText('All changes saved');
  await expect(panel.getByRole('listitem')).toHaveCount(2);

  // Erik rejects all of Ben's, with the keyboard.
  await panel.getByRole('combobox', { name: 'Show suggestions by' }).selectOption({ label: 'Ben Reviewer' });
  await panel.getByRole('button', { name: 'Reject all by Ben Reviewer' }).focus();
  await erik.page.keyboard.press('Enter');
  await expect.poll(() => ben.doc.articleText()).toBe('Russland warnt vor Maßnahmen. (Moskau)Die NATO antwortet.');
  await expect(panel.getByRole('listitem')).toHaveCount(1);

  await erik.page.goto(`${url}/activity`);
  await expect(erik.page.getByText('Erik Editor suggested adding “(Moskau)”')).toBeVisible();
  await expect(erik.page.getByText('Ben Reviewer suggested adding “sofort”')).toBeVisible();
  await expect(erik.page.getByText('Erik Editor rejected the suggestion adding “sofort”')).toBeVisible();
});
