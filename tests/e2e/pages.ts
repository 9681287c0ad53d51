/** Page objects for the end-to-end tests. */
import { expect, type Browser, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'factdesk-demo';
export const SAMPLE_TITLE = 'NATO und Russland: Streit um Sicherheitsgarantien';

/** The login page. */
export class LoginPage {
  constructor(readonly page: Page) {}

  async goto() {
    await this.page.goto('/login');
  }

  async signIn(email: string, password = DEMO_PASSWORD) {
    await this.page.getByLabel('Email').fill(email);
    await this.page.getByLabel('Password').fill(password);
    await this.page.getByRole('button', { name: 'Sign in' }).click();
  }

  /** Signs in and waits for the document list. */
  async signInAs(email: string) {
    await this.goto();
    await this.signIn(email);
    await expect(this.page.getByRole('heading', { name: 'Documents', level: 1 })).toBeVisible();
  }
}

/** A document page with its editor. */
export class DocumentPage {
  /** `articleLabel`: how the article is named in the interface's language. */
  constructor(
    readonly page: Page,
    readonly articleLabel: RegExp = /^Article text/,
  ) {}

  get editor() {
    return this.page.getByRole('textbox', { name: this.articleLabel });
  }

  get saveState() {
    return this.page.getByTestId('save-state');
  }

  /** Opens a document from the list by its title. */
  /** Finds the document by its title with the list's search, and opens it. */
  async openFromList(title: string) {
    const search = this.page.getByRole('search', { name: 'Find documents' });
    await search.getByRole('searchbox', { name: 'Search titles and text' }).fill(title);
    await search.getByRole('button', { name: 'Search' }).click();
    await this.page.getByRole('link', { name: title }).first().click();
    await expect(this.editor).toBeVisible();
  }

  /** Selects `text` in the article (it may span several highlights), as a mouse drag would. */
  async select(text: string) {
    // The text may still be arriving (a new page, a remote edit): wait for it first.
    await expect.poll(() => this.articleText(), { message: `"${text}" in the article` }).toContain(text);
    await this.editor.evaluate((root, text) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      const nodes: [Text, number][] = [];
      let all = '';
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        nodes.push([n as Text, all.length]);
        all += (n as Text).data;
      }
      const i = all.indexOf(text);
      if (i < 0) throw new Error(`"${text}" is not in the article`);
      const at = (offset: number): [Text, number] => {
        for (let k = nodes.length - 1; k >= 0; k--) if (nodes[k]![1] <= offset) return [nodes[k]![0], offset - nodes[k]![1]];
        throw new Error('offset before the text');
      };
      const range = document.createRange();
      range.setStart(...at(i));
      range.setEnd(...at(i + text.length));
      (root as HTMLElement).focus();
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
    }, text);
  }

  /** Puts the caret at the start of the paragraph that contains `text`. */
  async caretBefore(text: string) {
    const paragraph = this.editor.locator('p', { hasText: text }).first();
    await paragraph.click();
    await paragraph.evaluate((p) => {
      const range = document.createRange();
      range.selectNodeContents(p);
      range.collapse(true);
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
    });
  }

  /** The article's text without other people's cursor labels. */
  async articleText() {
    return this.editor.evaluate((root) => {
      const copy = root.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('.remote-caret').forEach((el) => el.remove());
      return copy.textContent ?? '';
    });
  }

  /** Every highlight of a claim, by the text it covers. */
  highlights() {
    return this.editor.locator('.claim-hl');
  }

  get sidebar() {
    return this.page.getByRole('complementary', { name: 'Claims' });
  }

  /** Puts the caret at the end of the paragraph that contains `text` (as a click there would). */
  async caretAfter(text: string) {
    const paragraph = this.editor.locator('p', { hasText: text }).first();
    await paragraph.click();
    await paragraph.evaluate((p) => {
      const range = document.createRange();
      range.selectNodeContents(p);
      range.collapse(false);
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
    });
  }
}

/**
 * A new browser context signed in as `email`, with its page and document page object;
 * `baseURL`: another process of the app than the test server's (the PostgreSQL smoke run).
 */
export async function signedIn(browser: Browser, email: string, baseURL?: string) {
  const context = await browser.newContext(baseURL ? { baseURL, extraHTTPHeaders: { Origin: baseURL } } : {});
  const page = await context.newPage();
  await new LoginPage(page).signInAs(email);
  return { context, page, doc: new DocumentPage(page) };
}

/** A signed-in browser context (signedIn). */
export type Session = Awaited<ReturnType<typeof signedIn>>;

/**
 * Opens the New document dialog. The button works once the page is hydrated; a click that
 * lands before that does nothing, so the click is repeated until the dialog is open.
 */
export async function openNewDocumentDialog(page: Page) {
  const dialog = page.getByRole('dialog', { name: 'New document' });
  await expect(async () => {
    if (!(await dialog.isVisible())) await page.getByRole('button', { name: 'New document' }).click();
    await expect(dialog).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  return dialog;
}

/**
 * Rita and Ben, both in a document reading "Der Kreml warnt vor Maßnahmen.", see each other
 * there, type at the same moment (before and after "Der Kreml"), and both end with the same
 * saved text and the other's named caret; returns that text.
 */
export async function typeTogether(rita: Session, ben: Session): Promise<string> {
  await expect(rita.page.getByRole('list', { name: 'People in this document' }).getByLabel('Ben Reviewer')).toBeVisible();
  await expect(ben.page.getByRole('list', { name: 'People in this document' }).getByLabel('Rita Reviewer')).toBeVisible();

  await rita.doc.caretBefore('Der Kreml');
  await ben.doc.caretAfter('Der Kreml');
  await Promise.all([rita.page.keyboard.type('Eilmeldung: ', { delay: 30 }), ben.page.keyboard.type(' Die NATO antwortet.', { delay: 30 })]);

  const expected = 'Eilmeldung: Der Kreml warnt vor Maßnahmen. Die NATO antwortet.';
  await expect(rita.doc.saveState).toHaveText('All changes saved');
  await expect(ben.doc.saveState).toHaveText('All changes saved');
  await expect.poll(() => rita.doc.articleText()).toBe(expected);
  await expect.poll(() => ben.doc.articleText()).toBe(expected);

  // Each sees the other's cursor, labelled with the name.
  await expect(rita.doc.editor.locator('.remote-caret', { hasText: 'Ben Reviewer' })).toBeVisible();
  await expect(ben.doc.editor.locator('.remote-caret', { hasText: 'Rita Reviewer' })).toBeVisible();
  return expected;
}
