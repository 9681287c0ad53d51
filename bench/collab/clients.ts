/**
 * Benchmark: N simulated reviewers on one document over real HTTP and Server-Sent Events
 * against the production server, each typing about 5 characters a second. Prints the latency from
 * a client's POST of a step to every other client's receipt of it (p50/p95/p99) and the
 * steps per second stored. Needs `npm run build` first.
 *
 *   npm run bench -- bench/collab/clients.ts [--clients 10] [--seconds 20]
 *   npm run bench -- bench/collab/clients.ts --clients 10 --seconds 15 --exports 5
 *
 * With --exports N, N other documents of 10,000 words and 1,000 claims (three sources
 * each) are prepared, and two seconds into the typing N reviewers each download one as a
 * PDF at once; the latency of the steps posted while those exports run is printed apart.
 *
 *   npm run bench -- bench/collab/clients.ts --clients 10 --seconds 15 --postgres --processes 2
 *
 * With --postgres, a throwaway PostgreSQL 15 cluster (bench/postgres.ts) holds the database;
 * with --processes P, P servers run on it and client i talks to server i % P (POSTs and its
 * event stream), so steps reach clients on other processes through LISTEN/NOTIFY.
 */
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { collab, getVersion, receiveTransaction, sendableSteps } from 'prosemirror-collab';
import { EditorState, TextSelection } from 'prosemirror-state';
import { Step } from 'prosemirror-transform';
import { insertUser, getWorkspaceByName, upsertMembership } from '@/db/queries/users';
import { hashPassword } from '@/lib/auth/passwords';
import { schema } from '@/lib/editor/schema';
import { signInAt } from '../../tests/support/sign-in';
import { createSeededDatabase, freePort, openTestEngine, startNext, stopProcess } from '../../tests/support/test-server';
import { insertCheckedDocument } from '../export/fixture';
import { onBenchCluster, runOnBenchCluster } from '../postgres';

const { values } = parseArgs({
  options: {
    clients: { type: 'string', default: '10' },
    seconds: { type: 'string', default: '20' },
    exports: { type: 'string', default: '0' },
    'export-claims': { type: 'string', default: '1000' },
    postgres: { type: 'boolean' },
    processes: { type: 'string', default: '1' },
  },
});
const POSTGRES = !!values.postgres;
const PROCESSES = Number(values.processes);
// On SQLite, live events stay in the process that stored the step.
if (PROCESSES > 1 && !POSTGRES) throw new Error('--processes needs --postgres');
const EXPORTS = Number(values.exports);
const N = Number(values.clients);
const SECONDS = Number(values.seconds);
const PASSWORD = 'bench-password-123';

const postedAt = new Map<number, number>(); // version → time its POST was sent
const receipts: { version: number; at: number }[] = [];
const lostPosts: string[] = []; // POSTs whose connection failed (sent again)

class BenchClient {
  state: EditorState;
  inFlight = false;
  constructor(
    readonly id: string,
    readonly cookie: string,
    readonly base: string,
    readonly documentId: string,
    doc: unknown,
  ) {
    this.state = EditorState.create({ doc: schema.nodeFromJSON(doc), plugins: [collab({ version: 0, clientID: id })] });
  }

  async listen(signal: AbortSignal) {
    const res = await fetch(`${this.base}/api/documents/${this.documentId}/events?version=0&session=${this.id}`, { headers: { Cookie: this.cookie }, signal });
    if (!res.ok) throw new Error(`event stream refused: ${res.status} ${await res.text()}`);
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (!block.startsWith('event: steps')) continue;
          const data = JSON.parse(block.slice(block.indexOf('data: ') + 6)) as { version: number; steps: unknown[]; clientIDs: string[] };
          const now = performance.now();
          data.clientIDs.forEach((cid, i) => cid !== this.id && receipts.push({ version: data.version + i + 1, at: now }));
          const current = getVersion(this.state);
          const skip = current - data.version;
          if (skip < 0 || skip >= data.steps.length) continue;
          this.state = this.state.apply(
            receiveTransaction(this.state, data.steps.slice(skip).map((j) => Step.fromJSON(schema, j)), data.clientIDs.slice(skip)),
          );
          void this.send();
        }
      }
    } catch {
      // aborted at the end
    }
  }

  type() {
    const pos = 1 + Math.floor(Math.random() * (this.state.doc.firstChild!.content.size + 1));
    this.state = this.state.apply(this.state.tr.setSelection(TextSelection.create(this.state.doc, pos)).insertText('x'));
    void this.send();
  }

  async send() {
    const sendable = sendableSteps(this.state);
    if (!sendable || this.inFlight) return;
    this.inFlight = true;
    const sentAt = performance.now();
    let res: Response;
    try {
      res = await fetch(`${this.base}/api/documents/${this.documentId}/steps`, {
        method: 'POST',
        headers: { Cookie: this.cookie, 'Content-Type': 'application/json', Origin: this.base },
        body: JSON.stringify({ version: sendable.version, clientID: this.id, steps: sendable.steps.map((s) => s.toJSON()) }),
      });
      await res.arrayBuffer();
    } catch (e) {
      // The connection failed (e.g. the server closed an idle keep-alive socket as the POST
      // went out): counted and sent again; if the steps were stored, the retry gets 409 and
      // the stream brings them back as this client's own.
      lostPosts.push(String((e as { cause?: unknown }).cause ?? e));
      this.inFlight = false;
      setTimeout(() => void this.send(), 50);
      return;
    }
    this.inFlight = false;
    if (res.ok) {
      sendable.steps.forEach((_, i) => postedAt.set(sendable.version + i + 1, sentAt));
      if (getVersion(this.state) === sendable.version) {
        this.state = this.state.apply(receiveTransaction(this.state, sendable.steps, sendable.steps.map(() => this.id)));
      }
      void this.send();
    }
    // On 409 the stream brings the newer steps (and calls send); try again shortly in any case.
    else setTimeout(() => void this.send(), 50);
  }
}

function pct(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function main() {
  // On PostgreSQL this process starts the cluster and runs the benchmark again in a child on it.
  if (POSTGRES && !onBenchCluster()) return runOnBenchCluster('clients');
  const { database, dir } = await createSeededDatabase(POSTGRES ? { postgres: process.env.DATABASE_URL } : {});
  const engine = await openTestEngine(database);
  const db = engine.db;
  const workspace = (await getWorkspaceByName('Demo desk', db))!;
  const hash = await hashPassword(PASSWORD);
  for (let i = 0; i < N; i++) {
    await engine.transaction(async (tx) => {
      const user = await insertUser({ email: `bench-${i}@factdesk.test`, name: `Bench ${i}`, passwordHash: hash }, tx);
      await upsertMembership({ userId: user.id, workspaceId: workspace.id, role: 'reviewer' }, tx);
    });
  }
  const exportDocuments: string[] = [];
  for (let i = 0; i < EXPORTS; i++) exportDocuments.push((await insertCheckedDocument(engine, { wordCount: 10_000, claims: Number(values['export-claims']), signOff: false })).id);
  await engine.close();
  const servers: ChildProcess[] = [];
  const bases: string[] = [];
  try {
    for (let p = 0; p < PROCESSES; p++) {
      const port = await freePort();
      servers.push(await startNext({ port, database, env: { FACTDESK_LOGIN_MAX_FAILURES_PER_ADDRESS: '100000' } }));
      bases.push(`http://127.0.0.1:${port}`);
    }
    const base = bases[0]!;
    console.log(`${N} clients on ${PROCESSES} server process${PROCESSES > 1 ? 'es (client i on process i % ' + PROCESSES + ')' : ''}, ${POSTGRES ? 'PostgreSQL' : 'SQLite'}`);
    const cookies: string[] = [];
    for (let i = 0; i < N; i++) cookies.push((await signInAt(bases[i % PROCESSES]!, `bench-${i}@factdesk.test`, PASSWORD)).cookie!);
    const created = await fetch(`${base}/api/documents`, {
      method: 'POST',
      headers: { Cookie: cookies[0]!, 'Content-Type': 'application/json', Origin: base },
      body: JSON.stringify({ title: 'Bench', language: 'en', content: 'Collaborative benchmark.' }),
    });
    const documentId = ((await created.json()) as { document: { id: string } }).document.id;
    const doc = ((await (await fetch(`${base}/api/documents/${documentId}`, { headers: { Cookie: cookies[0]! } })).json()) as { document: { doc: unknown } }).document.doc;
    const clients = cookies.map((c, i) => new BenchClient(`bench-client-${i}`, c, bases[i % PROCESSES]!, documentId, doc));
    const abort = new AbortController();
    clients.forEach((c) => void c.listen(abort.signal));
    await new Promise((r) => setTimeout(r, 1000));
    const started = performance.now();
    // About 5 characters a second each, with jitter.
    const timers = clients.map((c) => {
      const tick = () => {
        c.type();
        timer = setTimeout(tick, 120 + Math.random() * 160);
      };
      let timer = setTimeout(tick, Math.random() * 200);
      return () => clearTimeout(timer);
    });
    // The exports, each by another reviewer (one user may run two at once), two seconds in.
    const exportRuns: { status: number; ms: number; bytes: number }[] = [];
    let exportWindow: [number, number] | null = null;
    const exporting = EXPORTS
      ? new Promise<void>((resolve) =>
          setTimeout(async () => {
            const t0 = performance.now();
            await Promise.all(
              exportDocuments.map(async (id, i) => {
                const s0 = performance.now();
                const res = await fetch(`${base}/api/documents/${id}/export?format=pdf`, { headers: { Cookie: cookies[i % cookies.length]! } });
                const body = await res.arrayBuffer();
                exportRuns.push({ status: res.status, ms: performance.now() - s0, bytes: body.byteLength });
              }),
            );
            exportWindow = [t0, performance.now()];
            resolve();
          }, 2000),
        )
      : Promise.resolve();
    await new Promise((r) => setTimeout(r, SECONDS * 1000));
    timers.forEach((stop) => stop());
    await exporting;
    for (let i = 0; i < 300 && clients.some((c) => sendableSteps(c.state) || getVersion(c.state) !== Math.max(...postedAt.keys())); i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    abort.abort();
    const elapsed = SECONDS;
    const latencies = receipts.filter((r) => postedAt.has(r.version)).map((r) => r.at - postedAt.get(r.version)!).sort((a, b) => a - b);
    const stored = Math.max(...postedAt.keys());
    void started;
    console.log(`${N} clients, ${SECONDS} s of typing: ${stored} steps stored, ${(stored / elapsed).toFixed(1)} steps/s`);
    console.log(`POST → other clients' receipt (${latencies.length} deliveries): p50 ${pct(latencies, 50).toFixed(1)} ms, p95 ${pct(latencies, 95).toFixed(1)} ms, p99 ${pct(latencies, 99).toFixed(1)} ms`);
    if (exportWindow) {
      const [from, to] = exportWindow as [number, number];
      const during = receipts.filter((r) => postedAt.has(r.version) && postedAt.get(r.version)! >= from && postedAt.get(r.version)! <= to).map((r) => r.at - postedAt.get(r.version)!).sort((a, b) => a - b);
      console.log(`${EXPORTS} PDF exports at once (1,000 claims each): ${exportRuns.map((r) => `${r.status} in ${(r.ms / 1000).toFixed(2)} s, ${(r.bytes / 1024).toFixed(0)} KiB`).join('; ')}`);
      if (during.length) console.log(`while they ran (${((to - from) / 1000).toFixed(1)} s, ${during.length} deliveries): p50 ${pct(during, 50).toFixed(1)} ms, p95 ${pct(during, 95).toFixed(1)} ms, p99 ${pct(during, 99).toFixed(1)} ms, worst ${during.at(-1)!.toFixed(1)} ms`);
    }
    if (lostPosts.length) console.log(`POSTs whose connection failed, sent again: ${lostPosts.length} (first: ${lostPosts[0]})`);
    const finals = new Set(clients.map((c) => JSON.stringify(c.state.doc.toJSON())));
    console.log(`clients agree on the final document: ${finals.size === 1 ? 'yes' : `no (${finals.size} versions)`}`);
  } finally {
    await Promise.all(servers.map((s) => stopProcess(s)));
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  // Open event streams or the browser could keep a failed run alive: end it here.
  process.exit(1);
});
