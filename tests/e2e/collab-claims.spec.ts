/**
 * Exact collaboration in the browser: highlights stay on the server's words while several
 * people type at once (defect: one character of drift after concurrent typing).
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { findText } from '@/lib/claims/anchor';
import { schema } from '@/lib/editor/schema';
import { signedIn, type DocumentPage } from './pages';

const SAMPLE = fs.readFileSync(path.resolve(__dirname, '../../db/seed-data/nato-russland-2021-12-21.de.txt'), 'utf8');
const QUOTES = ['militärisch-technischen Maßnahmen', 'Tausende von Kilometern', 'MK-41-Shuttles in Polen'];

/** Creates a copy of the sample with claims on QUOTES (those present); returns its id. */
async function documentWithClaims(page: Page) {
  const created = await page.request.post('/api/documents', { data: { title: `Gleichzeitig ${Date.now()}`, language: 'de', content: SAMPLE } });
  const { document } = await created.json();
  for (const quote of QUOTES) {
    const { document: full } = await (await page.request.get(`/api/documents/${document.id}`)).json();
    const range = findText(schema.nodeFromJSON(full.doc), quote);
    if (!range) continue;
    const res = await page.request.post(`/api/documents/${document.id}/claims`, { data: { ...range, version: full.version } });
    expect(res.status()).toBe(201);
  }
  return document.id as string;
}

/** Every highlight's text in the page, by claim id. */
async function highlightedTexts(doc: DocumentPage) {
  return doc.editor.evaluate((root) => {
    const out: Record<string, string> = {};
    for (const el of root.querySelectorAll<HTMLElement>('[data-claim-id]')) {
      const id = el.dataset.claimId!;
      out[id] = (out[id] ?? '') + (el.textContent ?? '');
    }
    return out;
  });
}

/** The claim on `quote` as the server has it. */
async function storedClaim(page: Page, id: string, quote: string) {
  const { claims } = await (await page.request.get(`/api/documents/${id}/claims`)).json();
  return (claims as { quote: { exact: string } }[]).find((c) => c.quote.exact === quote) as Record<string, unknown> | undefined;
}

async function serverQuotes(page: Page, id: string) {
  const { claims } = await (await page.request.get(`/api/documents/${id}/claims`)).json();
  return Object.fromEntries((claims as { id: string; quote: { exact: string } }[]).map((c) => [c.id, c.quote.exact]));
}

test('two reviewers type above the claims at the same time: every highlight in both browsers is on the server’s words', async ({ browser }) => {
  const rita = await signedIn(browser, 'reviewer@factdesk.test');
  const ben = await signedIn(browser, 'reviewer2@factdesk.test');
  const id = await documentWithClaims(rita.page);
  await Promise.all([rita.page.goto(`/documents/${id}`), ben.page.goto(`/documents/${id}`)]);
  await expect(rita.doc.highlights().first()).toBeVisible();
  await expect(ben.doc.highlights().first()).toBeVisible();
  const first = SAMPLE.trim().split('\n')[0]!.slice(0, 30);
  for (let round = 0; round < 4; round++) {
    await rita.doc.caretBefore(first);
    await ben.doc.caretAfter(first);
    await Promise.all([rita.page.keyboard.type('abcd', { delay: 15 }), ben.page.keyboard.type('wxyz', { delay: 15 })]);
  }
  await expect(rita.doc.saveState).toHaveText('All changes saved');
  await expect(ben.doc.saveState).toHaveText('All changes saved');
  await expect.poll(() => rita.doc.articleText()).toBe(await ben.doc.articleText());
  const expected = await serverQuotes(rita.page, id);
  expect(Object.values(expected).length).toBeGreaterThan(0);
  await expect.poll(() => highlightedTexts(rita.doc)).toEqual(expected);
  await expect.poll(() => highlightedTexts(ben.doc)).toEqual(expected);
  await rita.context.close();
  await ben.context.close();
});

test('2,000 characters typed offline are all saved when the connection is back, and the other browser receives them in order', async ({ browser }) => {
  const rita = await signedIn(browser, 'reviewer@factdesk.test');
  const ben = await signedIn(browser, 'reviewer2@factdesk.test');
  const created = await rita.page.request.post('/api/documents', { data: { title: `Offline lang ${Date.now()}`, language: 'de', content: 'Erster Satz.' } });
  const { document } = await created.json();
  await Promise.all([rita.page.goto(`/documents/${document.id}`), ben.page.goto(`/documents/${document.id}`)]);
  await expect(rita.doc.saveState).toHaveText('All changes saved');
  await expect.poll(() => ben.doc.articleText()).toBe('Erster Satz.');

  // Where the article starts below the editor's bar (the page itself scrolls as the text grows).
  const articleTop = async () => (await rita.page.locator('.editor-mount').boundingBox())!.y - (await rita.page.locator('.editor-shell').boundingBox())!.y;
  const topOnline = await articleTop();
  await rita.context.setOffline(true);
  await rita.doc.caretAfter('Erster Satz.');
  // 2,000 keystrokes, one step each: four times what one request may carry.
  const typed = Array.from({ length: 200 }, (_, i) => `${String(i).padStart(3, '0')}-wort `).join('').slice(0, 2000);
  await rita.page.keyboard.type(typed);
  // Typed in one place: one change, however many keystrokes; and the status line does not push the article down.
  await expect(rita.doc.saveState).toContainText('1 unsent change,');
  expect(await articleTop()).toBe(topOnline);
  await rita.context.setOffline(false);
  await expect(rita.doc.saveState).toHaveText('All changes saved', { timeout: 60_000 });
  await expect.poll(() => ben.doc.articleText(), { timeout: 20_000 }).toBe(`Erster Satz.${typed}`);
  await rita.page.reload();
  await expect.poll(() => rita.doc.articleText()).toBe(`Erster Satz.${typed}`);
  await rita.context.close();
  await ben.context.close();
});

test('typing while a save is in flight and the connection drops stores exactly what was typed (nine rounds)', async ({ browser }) => {
  const rita = await signedIn(browser, 'reviewer@factdesk.test');
  const ben = await signedIn(browser, 'reviewer2@factdesk.test');
  const created = await rita.page.request.post('/api/documents', { data: { title: `Offline mitten im Speichern ${Date.now()}`, language: 'de', content: 'Erster Satz.' } });
  const { document } = await created.json();
  await Promise.all([rita.page.goto(`/documents/${document.id}`), ben.page.goto(`/documents/${document.id}`)]);
  await expect(rita.doc.saveState).toHaveText('All changes saved');
  // Some saves reach the server but their answer is lost, as when the network drops mid-request.
  let lose = 0;
  await rita.page.route('**/api/documents/*/steps', async (route) => {
    if (route.request().method() !== 'POST' || lose <= 0) return route.continue();
    lose--;
    await route.fetch();
    await route.abort('connectionreset');
  });
  let expected = 'Erster Satz.';
  await rita.doc.caretAfter('Erster Satz.');
  for (let round = 0; round < 9; round++) {
    const sentence = `Ein neuer Absatz ${round} wird hier geschrieben.`;
    await rita.page.keyboard.press('Control+End');
    lose = 1 + (round % 3);
    await rita.page.keyboard.press('Enter');
    await rita.page.keyboard.type(sentence.slice(0, 12), { delay: 5 });
    await rita.context.setOffline(true);
    await rita.page.keyboard.type(sentence.slice(12), { delay: 5 });
    await rita.page.waitForTimeout(300 * (round % 3));
    await rita.context.setOffline(false);
    expected += sentence;
    await expect(rita.doc.saveState).toHaveText('All changes saved', { timeout: 30_000 });
    const { document: stored } = await (await rita.page.request.get(`/api/documents/${document.id}`)).json();
    const paragraphs = (stored.doc.content as { content?: { text: string }[] }[]).map((p) => (p.content ?? []).map((t) => t.text).join(''));
    expect(paragraphs.at(-1)).toBe(sentence);
    expect(await rita.doc.articleText()).toBe(expected);
  }
  await expect.poll(() => ben.doc.articleText(), { timeout: 20_000 }).toBe(expected);
  await rita.context.close();
  await ben.context.close();
});

test('clicking into highlighted words puts the caret there: typing lands where the click was', async ({ browser }) => {
  const rita = await signedIn(browser, 'reviewer@factdesk.test');
  const id = await documentWithClaims(rita.page);
  await rita.page.goto(`/documents/${id}`);
  const highlight = rita.doc.editor.locator('.claim-hl', { hasText: 'militärisch-technischen Maßnahmen' }).first();
  await highlight.scrollIntoViewIfNeeded();
  // Move the caret far away first (the start of the article), then click into the claim's words.
  await rita.doc.caretBefore('Die NATO geht davon aus');
  const box = (await highlight.boundingBox())!;
  await rita.page.mouse.click(box.x + box.width - 2, box.y + box.height / 2);
  await rita.page.keyboard.type('Q');
  await expect.poll(() => rita.doc.articleText()).toContain('militärisch-technischen MaßnahmenQ');
  expect(await rita.doc.articleText()).toMatch(/^Die NATO geht davon aus/);
  // The click also opened the claim in the sidebar.
  await expect(rita.doc.sidebar.getByRole('textbox', { name: 'Claim as checked', exact: true })).toBeVisible();
  await rita.context.close();
});

test('the sidebar and Alt+↓ scroll the article to a claim’s words', async ({ browser }) => {
  const rita = await signedIn(browser, 'reviewer@factdesk.test');
  const id = await documentWithClaims(rita.page);
  await rita.page.setViewportSize({ width: 1280, height: 600 });
  await rita.page.goto(`/documents/${id}`);
  const last = rita.doc.editor.locator('.claim-hl', { hasText: 'MK-41-Shuttles in Polen' });
  await expect(last).toHaveCount(1);
  await expect(last).not.toBeInViewport();
  await rita.doc.sidebar.getByRole('button', { name: /^Claim \d+: MK-41-Shuttles in Polen/ }).click();
  await expect(last).toBeInViewport();
  // A fresh page at the top: Alt+↓ goes to the first claim, then the next, scrolling to each.
  await rita.page.reload();
  await expect(rita.doc.highlights().first()).toBeVisible();
  await rita.page.evaluate(() => window.scrollTo(0, 0));
  const second = rita.doc.editor.locator('.claim-hl', { hasText: 'Tausende von Kilometern' });
  await expect(second).not.toBeInViewport();
  await rita.page.keyboard.press('Alt+ArrowDown');
  await rita.page.keyboard.press('Alt+ArrowDown');
  await expect(second).toBeInViewport();
  await rita.context.close();
});

test('a colleague saving the same claim never wipes what you are typing: untouched fields update, edited ones offer both versions', async ({ browser }) => {
  const rita = await signedIn(browser, 'reviewer@factdesk.test');
  const ben = await signedIn(browser, 'reviewer2@factdesk.test');
  const id = await documentWithClaims(rita.page);
  await Promise.all([rita.page.goto(`/documents/${id}`), ben.page.goto(`/documents/${id}`)]);
  const open = async (doc: DocumentPage) => {
    await doc.sidebar.getByRole('button', { name: /^Claim 1: militärisch-technischen Maßnahmen/ }).click();
    return doc.sidebar;
  };
  const ritaForm = await open(rita.doc);
  const benForm = await open(ben.doc);
  // Rita types a rationale; her form saves it by itself a moment later, but Ben's save gets
  // there first (her request is held until then).
  let benSaved!: () => void;
  const held = new Promise<void>((resolve) => (benSaved = resolve));
  await rita.page.route('**/api/claims/*', async (route) => {
    if (route.request().method() === 'PATCH') await held;
    await route.continue();
  });
  await ritaForm.getByRole('textbox', { name: 'Rationale', exact: true }).fill('Ritas Begründung, noch nicht gespeichert.');
  // Ben sets the claimant and his own rationale, and saves.
  await benForm.getByRole('textbox', { name: 'Claimant', exact: true }).fill('Wladimir Putin');
  await benForm.getByRole('textbox', { name: 'Rationale', exact: true }).fill('Bens Begründung.');
  await benForm.getByRole('button', { name: 'Save claim' }).click();
  await expect(benForm.getByRole('status').filter({ hasText: 'All changes saved' })).toBeVisible();
  benSaved();
  // Rita's untouched field follows; her rationale stays, with Ben's version offered beside it.
  await expect(ritaForm.getByRole('textbox', { name: 'Claimant', exact: true })).toHaveValue('Wladimir Putin');
  await expect(ritaForm.getByRole('textbox', { name: 'Rationale', exact: true })).toHaveValue('Ritas Begründung, noch nicht gespeichert.');
  const conflict = ritaForm.getByRole('alert').filter({ hasText: 'Bens Begründung.' });
  await expect(conflict).toContainText('Ben Reviewer changed this');
  // Her rationale is not saved over Ben's until she chooses; saving now says why.
  await ritaForm.getByRole('button', { name: 'Save claim' }).click();
  await expect(ritaForm.getByRole('alert').filter({ hasText: 'choose “Use theirs” or “Keep mine”' })).toBeVisible();
  await rita.page.waitForTimeout(1500);
  expect((await storedClaim(rita.page, id, 'militärisch-technischen Maßnahmen'))?.rationale).toBe('Bens Begründung.');
  // Keeping hers saves it by itself.
  await conflict.getByRole('button', { name: 'Keep mine' }).click();
  await expect(ritaForm.getByRole('status').filter({ hasText: 'All changes saved' })).toBeVisible();
  const saved = await storedClaim(rita.page, id, 'militärisch-technischen Maßnahmen');
  expect(saved).toMatchObject({ rationale: 'Ritas Begründung, noch nicht gespeichert.', claimant: 'Wladimir Putin' });
  // Ben's form follows Rita's save (he was not editing the rationale any more).
  await expect(benForm.getByRole('textbox', { name: 'Rationale', exact: true })).toHaveValue('Ritas Begründung, noch nicht gespeichert.');
  await rita.context.close();
  await ben.context.close();
});

test('claim fields save as you go, and closing the claim right after typing loses nothing', async ({ browser }) => {
  const rita = await signedIn(browser, 'reviewer@factdesk.test');
  const id = await documentWithClaims(rita.page);
  await rita.page.goto(`/documents/${id}`);
  const stored = async (quote: string) => (await storedClaim(rita.page, id, quote))!;
  await rita.doc.sidebar.getByRole('button', { name: /^Claim 1: militärisch-technischen Maßnahmen/ }).click();
  const form = rita.doc.sidebar;
  // No Save click: the form saves a moment after the last keystroke.
  await form.getByRole('textbox', { name: 'Rationale', exact: true }).pressSequentially('Laut Kreml-Protokoll', { delay: 20 });
  await expect(form.getByRole('status').filter({ hasText: 'All changes saved' })).toBeVisible();
  await expect.poll(async () => (await stored('militärisch-technischen Maßnahmen')).rationale).toBe('Laut Kreml-Protokoll');
  await form.getByRole('combobox', { name: 'Verdict', exact: true }).selectOption('mostly_true');
  await expect.poll(async () => (await stored('militärisch-technischen Maßnahmen')).verdict).toBe('mostly_true');
  // Typing and at once opening another claim: what was typed goes out as the form closes.
  await form.getByRole('textbox', { name: 'Claimant', exact: true }).fill('Sergej Rjabkow');
  await rita.doc.sidebar.getByRole('button', { name: /^Claim 2: / }).click();
  await expect.poll(async () => (await stored('militärisch-technischen Maßnahmen')).claimant).toBe('Sergej Rjabkow');
  await rita.context.close();
});

test('another reviewer’s caret name is readable on a paragraph’s first line', async ({ browser }) => {
  const rita = await signedIn(browser, 'reviewer@factdesk.test');
  const ben = await signedIn(browser, 'reviewer2@factdesk.test');
  const id = await documentWithClaims(rita.page);
  await Promise.all([rita.page.goto(`/documents/${id}`), ben.page.goto(`/documents/${id}`)]);
  await ben.doc.caretBefore('Bei den bilateralen Verhandlungen');
  const label = rita.doc.editor.locator('.remote-caret-label', { hasText: 'Ben Reviewer' });
  await expect(label).toBeVisible();
  // The whole label is painted: the point near its top is the label, not what lies behind.
  const hitAtTop = () =>
    rita.page.evaluate(() => {
      const el = [...document.querySelectorAll<HTMLElement>('.remote-caret-label')].find((l) => l.textContent === 'Ben Reviewer');
      if (!el) return 'no label';
      // Labels let clicks through; for this hit test they take them (clipped parts never do).
      el.style.pointerEvents = 'auto';
      const r = el.getBoundingClientRect();
      return document.elementFromPoint(r.left + r.width / 2, r.top + 2)?.className ?? 'nothing';
    });
  await expect.poll(hitAtTop).toContain('remote-caret-label');
  await rita.context.close();
  await ben.context.close();
});

test('Ctrl+Z right after Add claim removes the claim, and the text stays as it was', async ({ browser }) => {
  const rita = await signedIn(browser, 'reviewer@factdesk.test');
  const created = await rita.page.request.post('/api/documents', { data: { title: `Rückgängig ${Date.now()}`, language: 'de', content: 'Der Kreml warnt vor Maßnahmen.' } });
  const { document } = await created.json();
  await rita.page.goto(`/documents/${document.id}`);
  await rita.doc.select('warnt vor Maßnahmen');
  await rita.page.keyboard.press('Control+Shift+M');
  await expect(rita.doc.highlights()).toHaveText(['warnt vor Maßnahmen']);
  await rita.doc.editor.focus();
  await rita.page.keyboard.press('Control+z');
  await expect(rita.doc.highlights()).toHaveCount(0);
  await expect(rita.doc.sidebar.getByText('No claims yet.')).toBeVisible();
  expect(await rita.doc.articleText()).toBe('Der Kreml warnt vor Maßnahmen.');
  const { claims } = await (await rita.page.request.get(`/api/documents/${document.id}/claims`)).json();
  expect(claims).toHaveLength(0);
  // The next Ctrl+Z undoes text as usual (nothing typed: nothing changes).
  await rita.page.keyboard.press('Control+z');
  expect(await rita.doc.articleText()).toBe('Der Kreml warnt vor Maßnahmen.');
  await rita.context.close();
});

/** Puts the caret (or a selection of `length` characters) at a fraction of the article's text, as a click or drag would. */
async function placeAt(doc: DocumentPage, fraction: number, length = 0) {
  await doc.editor.evaluate(
    (root, { fraction, length }) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
        acceptNode: (n) => ((n.parentElement?.closest('.remote-caret') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT)),
      });
      const nodes: [Text, number][] = [];
      let total = 0;
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        nodes.push([n as Text, total]);
        total += (n as Text).data.length;
      }
      const at = (offset: number): [Text, number] => {
        for (let k = nodes.length - 1; k >= 0; k--) if (nodes[k]![1] <= offset) return [nodes[k]![0], Math.min(offset - nodes[k]![1], nodes[k]![0].data.length)];
        return [nodes[0]![0], 0];
      };
      const start = Math.floor(fraction * Math.max(0, total - length));
      const range = document.createRange();
      range.setStart(...at(start));
      range.setEnd(...at(start + length));
      (root as HTMLElement).focus();
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
    },
    { fraction, length },
  );
}

test('three reviewers type, delete, split paragraphs and add claims at random for a minute: every page ends on the server’s text and quotes', async ({ browser }) => {
  test.setTimeout(180_000);
  const people = await Promise.all(['reviewer@factdesk.test', 'reviewer2@factdesk.test', 'editor@factdesk.test'].map((e) => signedIn(browser, e)));
  const id = await documentWithClaims(people[0]!.page);
  await Promise.all(people.map((p) => p.page.goto(`/documents/${id}`)));
  for (const p of people) await expect(p.doc.highlights().first()).toBeVisible();
  // A seeded generator: the same run every time, so a failure can be replayed.
  let seed = 20261130;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const words = ['Nato ', 'Kreml ', 'sagt ', '48 Millionen ', 'ß ', 'é ', '„Zitat“ '];
  const until = Date.now() + 60_000;
  const act = async (p: (typeof people)[number]) => {
    const r = random();
    if (r < 0.5) {
      await placeAt(p.doc, random());
      await p.page.keyboard.type(words[Math.floor(random() * words.length)]!, { delay: 10 });
    } else if (r < 0.75) {
      await placeAt(p.doc, random());
      for (let i = 0; i < 1 + Math.floor(random() * 4); i++) await p.page.keyboard.press('Backspace');
    } else if (r < 0.85) {
      await placeAt(p.doc, random());
      await p.page.keyboard.press('Enter');
    } else {
      await placeAt(p.doc, random(), 6 + Math.floor(random() * 20));
      await p.page.keyboard.press('Control+Shift+M');
    }
  };
  while (Date.now() < until) await Promise.all(people.map((p) => act(p)));
  for (const p of people) await expect(p.doc.saveState).toHaveText('All changes saved', { timeout: 30_000 });
  const text = await people[0]!.doc.articleText();
  for (const p of people.slice(1)) await expect.poll(() => p.doc.articleText(), { timeout: 20_000 }).toBe(text);
  const { claims } = await (await people[0]!.page.request.get(`/api/documents/${id}/claims`)).json();
  // A quote separates blocks with a newline; the highlights' text has no separator.
  const expected = Object.fromEntries((claims as { id: string; orphaned: boolean; quote: { exact: string } }[]).filter((c) => !c.orphaned).map((c) => [c.id, c.quote.exact.replace(/\n/g, '')]));
  expect(Object.keys(expected).length).toBeGreaterThan(2);
  for (const p of people) await expect.poll(() => highlightedTexts(p.doc), { timeout: 20_000 }).toEqual(expected);
  for (const p of people) await p.context.close();
});
