/** Page objects for the end-to-end tests. */
import { expect, type Page } from '@playwright/test';

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
  constructor(readonly page: Page) {}

  get editor() {
    return this.page.getByRole('textbox', { name: /^Article text/ });
  }

  get saveState() {
    return this.page.getByTestId('save-state');
  }

  /** Opens a document from the list by its title. */
  async openFromList(title: string) {
    await this.page.getByRole('link', { name: title }).click();
    await expect(this.editor).toBeVisible();
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
