import { expect, test } from '@playwright/test';
import { signedIn } from './pages';

const TEXT = [
  'Putin warnte vor „militärisch-technischen Maßnahmen“, falls die NATO ihre Politik nicht ändere.',
  'In Polen und Rumänien stehen Startanlagen vom Typ MK-41, die für Tomahawk-Marschflugkörper angepasst werden könnten.',
].join('\n');
const CLAIM = 'Startanlagen vom Typ MK-41';


test('mark, propose, approve by a second reviewer, sign off, verify, publish and reopen', async ({ browser }) => {
  const rita = await signedIn(browser, 'reviewer@factdesk.test');
  const created = await rita.page.request.post('/api/documents', { data: { title: 'Sign-off path', language: 'de', content: TEXT } });
  expect(created.status()).toBe(201);
  const url = `/documents/${(await created.json()).document.id}`;

  // Rita marks the claim, gives it a verdict, a rationale and a source, and proposes it.
  await rita.page.goto(url);
  const panel = rita.page.getByRole('region', { name: 'Review and sign-off' });
  await expect(panel).toContainText('Draft');
  await rita.doc.select(CLAIM);
  await rita.page.getByRole('button', { name: 'Add claim', exact: true }).click();
  const sidebar = rita.doc.sidebar;
  await sidebar.getByRole('combobox', { name: 'Verdict', exact: true }).selectOption({ label: 'Needs context' });
  await sidebar.getByRole('textbox', { name: 'Rationale', exact: true }).fill('Die Anlage in Redzikowo ist für SM-3-Abfangraketen konfiguriert.');
  await sidebar.getByRole('button', { name: 'Save claim' }).click();
  await expect(sidebar.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  await expect(sidebar.getByText('To propose a verdict, add at least one source.')).toBeVisible();
  await sidebar.getByRole('button', { name: '+ Add source' }).click();
  const sourceForm = sidebar.getByRole('form', { name: 'New source' });
  await sourceForm.getByRole('textbox', { name: 'URL', exact: true }).fill('https://www.mda.mil/system/aegis_ashore.html');
  await sourceForm.getByRole('textbox', { name: 'Title', exact: true }).fill('Aegis Ashore');
  await sourceForm.getByRole('button', { name: 'Add this source' }).click();
  await expect(sidebar.getByRole('link', { name: 'Aegis Ashore' })).toBeVisible();
  await sidebar.getByRole('button', { name: 'Propose verdict' }).click();
  const review = sidebar.getByRole('region', { name: 'Review' });
  await expect(review).toContainText('Proposed');
  await expect(review).toContainText('Proposed by Rita Reviewer');
  // Four eyes: Rita cannot approve her own verdict.
  await expect(review.getByRole('button', { name: 'Approve verdict' })).toHaveCount(0);
  await expect(review).toContainText('Someone else must approve this verdict');

  // Ben approves, after a comment that mentions Rita through the autocomplete.
  const ben = await signedIn(browser, 'reviewer2@factdesk.test');
  await ben.page.goto(url);
  await ben.doc.sidebar.getByRole('button', { name: /^Claim 1:/ }).click();
  const comment = ben.doc.sidebar.getByRole('combobox', { name: 'New comment' });
  await comment.pressSequentially('Quelle passt. @Ri');
  await expect(ben.page.getByRole('listbox', { name: 'Members to mention' }).getByRole('option', { name: 'Rita Reviewer' })).toBeVisible();
  await comment.press('Enter');
  await expect(comment).toHaveValue('Quelle passt. @Rita Reviewer ');
  await ben.doc.sidebar.getByRole('button', { name: 'Comment', exact: true }).click();
  // The box empties once the comment is stored; the comment shows in the thread.
  await expect(comment).toHaveValue('');
  await expect(ben.doc.sidebar.getByRole('paragraph').filter({ hasText: 'Quelle passt. @Rita Reviewer' })).toBeVisible();
  // Rita sees the comment live.
  await expect(rita.doc.sidebar.getByRole('paragraph').filter({ hasText: 'Quelle passt. @Rita Reviewer' })).toBeVisible();
  // …and the claim's entry in her sidebar counts it as an open thread.
  await expect(rita.doc.sidebar.getByRole('button', { name: /^Claim 1: .*, 1 comment, 1 open thread$/ })).toBeVisible();
  await ben.doc.sidebar.getByRole('region', { name: 'Review' }).getByRole('button', { name: 'Approve verdict' }).click();
  await expect(ben.doc.sidebar.getByRole('region', { name: 'Review' })).toContainText('Approved by Ben Reviewer');

  // Rita submits the document for review.
  await expect(review).toContainText('Approved by Ben Reviewer');
  await panel.getByRole('button', { name: 'Submit for review' }).click();
  await expect(panel).toContainText('In review');

  // Erik signs it off; it is locked for everyone.
  const erik = await signedIn(browser, 'editor@factdesk.test');
  await erik.page.goto(url);
  const erikPanel = erik.page.getByRole('region', { name: 'Review and sign-off' });
  await expect(erikPanel).toContainText('ready to sign off');
  // Signing off asks first.
  erik.page.once('dialog', (d) => void d.accept());
  await erikPanel.getByRole('button', { name: 'Sign off' }).click();
  await expect(erikPanel.getByRole('status')).toContainText('Signed off by Erik Editor');
  await expect(erik.doc.editor).toHaveAttribute('contenteditable', 'false');
  await expect(rita.page.getByRole('region', { name: 'Review and sign-off' })).toContainText('Signed off', { timeout: 15_000 });
  await expect(rita.doc.editor).toHaveAttribute('contenteditable', 'false');
  await expect(rita.page.getByText('Signed off and locked — an editor can reopen it.')).toBeVisible();
  await expect(rita.doc.sidebar.getByRole('button', { name: 'Save claim' })).toHaveCount(0);
  const before = await rita.doc.articleText();
  await rita.doc.editor.click();
  await rita.page.keyboard.type('XYZ');
  expect(await rita.doc.articleText()).toBe(before);

  await erikPanel.getByRole('button', { name: 'Verify' }).click();
  await expect(erikPanel.getByText(/Verified: the document and its claims are exactly as signed off in revision 1/)).toBeVisible();

  // Erik publishes the report; a stranger reads it without signing in.
  await erik.page.goto(`${url}/report`);
  const publishing = erik.page.getByRole('group', { name: 'Publishing' });
  await publishing.getByRole('button', { name: 'Publish' }).click();
  const publicLink = publishing.getByRole('link', { name: /\/r\// });
  await expect(publicLink).toBeVisible();
  const publicUrl = (await publicLink.getAttribute('href'))!;
  const stranger = await browser.newContext();
  const reader = await stranger.newPage();
  await reader.goto(publicUrl);
  await expect(reader.getByRole('heading', { level: 1 })).toContainText('Sign-off path');
  await expect(reader.getByText('Kontext fehlt').first()).toBeVisible();
  const ld = JSON.parse((await reader.locator('script[type="application/ld+json"]').textContent())!);
  expect(ld[0]).toMatchObject({ '@type': 'ClaimReview', url: `${publicUrl}#claim-1` });
  await reader.screenshot({ path: 'test-results/published-report.png', fullPage: false });
  await stranger.close();
  await erik.page.goto(url);

  // Erik reopens it with a reason: revision 2, editable again, the old sign-off kept.
  await erikPanel.getByRole('button', { name: 'Reopen…' }).click();
  await erikPanel.getByRole('textbox', { name: /Why reopen/ }).fill('Neue Satellitenbilder prüfen');
  await erikPanel.getByRole('button', { name: 'Reopen document' }).click();
  await expect(erikPanel).toContainText('Revision 2');
  await expect(erikPanel).toContainText('Draft');
  await expect(erik.doc.editor).toHaveAttribute('contenteditable', 'true');
  await erikPanel.getByText('Sign-off history (1)').click();
  await expect(erikPanel).toContainText('reopened by Erik Editor');
  await expect(erikPanel).toContainText('Neue Satellitenbilder prüfen');

  // The activity feed tells the story.
  await erikPanel.getByRole('link', { name: 'Activity' }).click();
  const feed = erik.page.getByRole('list', { name: 'Activity, newest first' });
  await expect(feed.getByRole('listitem').first()).toContainText('Erik Editor reopened the document as revision 2');
  await expect(feed).toContainText('Ben Reviewer approved the verdict Needs context');
  await expect(feed).toContainText('Rita Reviewer proposed the verdict Needs context');
  await expect(feed).toContainText('Erik Editor signed off revision 1');

  for (const s of [rita, ben, erik]) await s.context.close();
});
