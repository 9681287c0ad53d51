/**
 * Benchmark: a 50,000-word document with 2,000 claims (some overlapping) in the editor.
 * Prints the time until the editor page is interactive and the keystroke latency
 * (keydown → next painted frame, p50/p95) while typing 200 characters mid-document,
 * measured in Debian's Chromium against the production server. Needs `npm run build` first.
 *
 *   npm run bench -- bench/claims/run.ts [--words 50000] [--claims 2000] [--keys 200]
 */
import { chromium } from '@playwright/test';
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { openEngine } from '@/db';
import { insertClaim } from '@/db/queries/claims';
import { insertDocument } from '@/db/queries/documents';
import { getUserByEmail, getWorkspaceByName } from '@/db/queries/users';
import { quoteAt, textWithPositions } from '@/lib/claims/anchor';
import { textToDoc } from '@/lib/editor/import';
import { createSeededDatabase, freePort, startNext, stopProcess } from '../../tests/support/test-server';

const { values } = parseArgs({ options: { words: { type: 'string', default: '50000' }, claims: { type: 'string', default: '2000' }, keys: { type: 'string', default: '200' } } });
const WORDS = Number(values.words);
const CLAIMS = Number(values.claims);
const KEYS = Number(values.keys);

/** A seeded pseudo-random generator, so runs are comparable. */
function random(seed: number) {
  return () => ((seed = (seed * 1664525 + 1013904223) % 2 ** 32) / 2 ** 32);
}

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function main() {
  const rand = random(42);
  const sampleWords = fs.readFileSync('db/seed-data/nato-russland-2021-12-21.de.txt', 'utf8').split(/\s+/).filter(Boolean);
  const paragraphs: string[] = [];
  for (let w = 0; w < WORDS; ) {
    const n = 60 + Math.floor(rand() * 80);
    const words = Array.from({ length: Math.min(n, WORDS - w) }, (_, i) => sampleWords[(w + i) % sampleWords.length]);
    paragraphs.push(words.join(' '));
    w += words.length;
  }
  const doc = textToDoc(paragraphs.join('\n'));

  const { database: dbPath, dir } = await createSeededDatabase();
  const engine = openEngine(dbPath);
  const db = engine.db;
  const workspace = (await getWorkspaceByName('Demo desk', db))!;
  const reviewer = (await getUserByEmail('reviewer@factdesk.test', db))!;
  const benchDoc = await engine.transaction((tx) => insertDocument({ workspaceId: workspace.id, title: 'Benchmark: 50,000 words', language: 'de', sourceUrl: null, doc: doc.toJSON(), userId: reviewer.id }, tx));
  const { chars, positions } = textWithPositions(doc);
  let overlapping = 0;
  await engine.transaction(async (tx) => {
    let previous: { s: number; e: number } | null = null;
    for (let i = 0; i < CLAIMS; i++) {
      // Every fifth claim starts inside the previous one, so highlights overlap.
      let s: number = previous && i % 5 === 0 ? previous.s + Math.floor((previous.e - previous.s) / 2) : Math.floor((i / CLAIMS) * chars.length + rand() * 200);
      if (previous && i % 5 === 0) overlapping++;
      s = Math.min(s, chars.length - 120);
      while (chars[s] === ' ' || chars[s] === '\n') s++;
      let e = Math.min(chars.length - 1, s + 20 + Math.floor(rand() * 80));
      while (chars[e - 1] === ' ' || chars[e - 1] === '\n') e--;
      const from = positions[s]!;
      const to = positions[e - 1]! + 1;
      const q = quoteAt(doc, from, to);
      await insertClaim(
        { documentId: benchDoc.id, from, to, quoteExact: q.exact, quotePrefix: q.prefix, quoteSuffix: q.suffix, statement: q.exact, tags: [], createdBy: reviewer.id, verdict: i % 3 === 0 ? 'needs_context' : null },
        tx,
      );
      previous = { s, e };
    }
  });
  engine.close();
  console.log(`document: ${WORDS.toLocaleString('en')} words, ${paragraphs.length} paragraphs, ${CLAIMS} claims (${overlapping} overlapping the previous one)`);

  const port = await freePort();
  const server = await startNext({ port, database: dbPath });
  const base = `http://127.0.0.1:${port}`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`${base}/login`);
    await page.getByLabel('Email').fill('reviewer@factdesk.test');
    await page.getByLabel('Password').fill('factdesk-demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/documents');

    const loads: number[] = [];
    for (let run = 0; run < 3; run++) {
      await page.goto(`${base}/documents/${benchDoc.id}`, { waitUntil: 'commit' });
      await page.waitForFunction((n) => document.querySelectorAll('[data-claim-item]').length === n && document.querySelector('.ProseMirror[contenteditable="true"]'), CLAIMS, { timeout: 120_000, polling: 20 });
      loads.push(await page.evaluate(() => performance.now()));
    }
    console.log(`time to interactive (navigation → editable editor with ${CLAIMS} highlights and sidebar entries): ${loads.map((t) => `${Math.round(t)} ms`).join(', ')}`);

    // Caret in the middle of the middle paragraph.
    await page.evaluate(() => {
      const ps = document.querySelectorAll('.ProseMirror p');
      const p = ps[Math.floor(ps.length / 2)]!;
      p.scrollIntoView({ block: 'center' });
      const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
      const text = walker.nextNode() as Text;
      const range = document.createRange();
      range.setStart(text, Math.floor(text.length / 2));
      range.collapse(true);
      (document.querySelector('.ProseMirror') as HTMLElement).focus();
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
      const w = window as unknown as { __latencies: number[] };
      w.__latencies = [];
      document.addEventListener(
        'keydown',
        (e) => {
          const start = e.timeStamp;
          requestAnimationFrame(() => {
            // The frame is painted right after this callback; a message lands after the paint.
            const channel = new MessageChannel();
            channel.port1.onmessage = () => w.__latencies.push(performance.now() - start);
            channel.port2.postMessage(0);
          });
        },
        true,
      );
    });
    if (process.env.BENCH_OFFLINE) await page.route('**/steps', () => {});
    if (process.env.BENCH_CSS) await page.addStyleTag({ content: process.env.BENCH_CSS });
    const text = 'Die Fakten werden gepruft und belegt. ';
    const cdp = process.env.BENCH_PROFILE ? await page.context().newCDPSession(page) : null;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      await cdp.send('Profiler.start');
    }
    for (let i = 0; i < KEYS; i++) {
      await page.keyboard.press(text[i % text.length] === ' ' ? 'Space' : text[i % text.length]!);
      await page.waitForTimeout(25);
    }
    await page.waitForTimeout(500);
    if (cdp) {
      const { profile } = await cdp.send('Profiler.stop');
      const self = new Map<string, number>();
      const dt = profile.timeDeltas ?? [];
      const byId = new Map(profile.nodes.map((n) => [n.id, n]));
      (profile.samples ?? []).forEach((id, i) => {
        const n = byId.get(id)!;
        const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}:${n.callFrame.columnNumber}`;
        self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0) / 1000);
      });
      console.log([...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => `${v.toFixed(0).padStart(6)} ms  ${k}`).join('\n'));
    }
    const latencies = (await page.evaluate(() => (window as unknown as { __latencies: number[] }).__latencies)).sort((a, b) => a - b);
    const highlights = await page.evaluate(() => document.querySelectorAll('.claim-hl').length);
    console.log(`keystrokes: ${latencies.length} (highlights on the page afterwards: ${highlights})`);
    console.log(`keystroke latency (keydown → next painted frame): p50 ${percentile(latencies, 50).toFixed(1)} ms, p95 ${percentile(latencies, 95).toFixed(1)} ms, max ${latencies[latencies.length - 1]!.toFixed(1)} ms`);
  } finally {
    await browser.close();
    await stopProcess(server);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  // Open event streams or the browser could keep a failed run alive: end it here.
  process.exit(1);
});
