/**
 * Benchmark: the automerge-paper editing trace (259,778 single-character edits to a LaTeX
 * paper; each newline a paragraph break) replayed through the step authority with
 * persistence, against the same trace applied edit by edit to a Yjs document in memory.
 *
 *   npm run bench -- bench/collab/trace.ts [--batch 500] [--limit 259778] [--engine postgresql]
 *
 * --batch N sends N consecutive edits per request (as a client does while a request is in
 * flight); --limit replays only the first edits. --engine postgresql (or --postgres) stores
 * the steps in a throwaway PostgreSQL 15 cluster (bench/postgres.ts) instead of a SQLite file.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import zlib from 'node:zlib';
import { Transform, type Step } from 'prosemirror-transform';
import * as Y from 'yjs';

const TRACE = path.resolve(process.cwd(), '../shared/datasets/editing-trace/automerge-paper.json.gz');
const { values } = parseArgs({
  options: { batch: { type: 'string', default: '500' }, limit: { type: 'string' }, trace: { type: 'string', default: TRACE }, engine: { type: 'string', default: 'sqlite' }, postgres: { type: 'boolean' } },
});
const POSTGRES = values.postgres || values.engine === 'postgresql';
if (!POSTGRES && values.engine !== 'sqlite') throw new Error('--engine is sqlite or postgresql');
const ENGINE = POSTGRES ? 'PostgreSQL' : 'SQLite';

type Patch = [number, number, string];

/** Collects the garbage of what came before (with node --expose-gc, as bench/esm.mjs runs it), so that neither side pays for it. */
function collectGarbage() {
  (globalThis as { gc?: () => void }).gc?.();
}

async function main() {
  if (POSTGRES) {
    // The parent starts the cluster and runs this benchmark again in a child on it.
    const { onBenchCluster, runOnBenchCluster } = await import('../postgres');
    if (!onBenchCluster()) return runOnBenchCluster('trace');
  } else delete process.env.DATABASE_URL;
  const trace = JSON.parse(zlib.gunzipSync(fs.readFileSync(values.trace!)).toString('utf8')) as { endContent: string; txns: { patches: Patch[] }[] };
  let patches = trace.txns.flatMap((t) => t.patches);
  const limit = values.limit ? Number(values.limit) : patches.length;
  const complete = limit >= patches.length;
  patches = patches.slice(0, limit);
  const batch = Number(values.batch);
  console.log(`trace: ${patches.length.toLocaleString('en')} edits${complete ? '' : ' (first part only)'}, batch ${batch}, ${ENGINE}`);

  // Yjs, in memory, edit by edit.
  const ydoc = new Y.Doc();
  const ytext = ydoc.getText('t');
  collectGarbage();
  let t0 = performance.now();
  for (const [pos, del, ins] of patches) {
    if (del) ytext.delete(pos, del);
    if (ins) ytext.insert(pos, ins);
  }
  const yjsMs = performance.now() - t0;
  if (complete && ytext.toString() !== trace.endContent) throw new Error('Yjs result differs from the trace');
  console.log(`yjs (in memory): ${yjsMs.toFixed(0)} ms, ${Math.round(patches.length / (yjsMs / 1000)).toLocaleString('en')} edits/s`);

  // Factdesk: the step authority with persistence (SQLite, or PostgreSQL when DATABASE_URL names it).
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factdesk-trace-'));
  process.env.DATABASE_PATH = path.join(dir, 'trace.db');
  process.env.FACTDESK_DEMO = '1';
  const { getEngine } = await import('@/db');
  const { seedDemo } = await import('@/db/seed');
  const { insertDocument } = await import('@/db/queries/documents');
  const { getUserByEmail, getWorkspaceByName } = await import('@/db/queries/users');
  const { receiveSteps } = await import('@/lib/collab/authority');
  const { schema } = await import('@/lib/editor/schema');
  await seedDemo(getEngine());
  const user = (await getUserByEmail('reviewer@factdesk.test'))!;
  const workspace = (await getWorkspaceByName('Demo desk'))!;
  let doc = schema.node('doc', null, [schema.node('paragraph')]);
  const document = await getEngine().transaction((tx) => insertDocument({ workspaceId: workspace.id, title: 'trace', language: 'en', sourceUrl: null, doc: doc.toJSON(), userId: user.id }, tx));

  // Line lengths, to turn a text offset into a document position (each line a paragraph).
  const lines: number[] = [0];
  const locate = (offset: number) => {
    let line = 0;
    let rest = offset;
    while (rest > lines[line]!) {
      rest -= lines[line]! + 1;
      line++;
    }
    return { line, col: rest, pos: offset + 1 + line };
  };

  // First the client's part, untimed: turn the edits into ProseMirror steps, `batch` edits per request.
  const requests: unknown[][] = [];
  let pending: Step[] = [];
  const flush = () => {
    if (pending.length) requests.push(pending.map((s) => s.toJSON()));
    pending = [];
  };
  let edits = 0;
  for (const [offset, del, ins] of patches) {
    const tr = new Transform(doc);
    if (del) {
      const a = locate(offset);
      const b = locate(offset + del);
      tr.delete(a.pos, b.pos);
      lines.splice(a.line, b.line - a.line + 1, a.col + (lines[b.line]! - b.col));
    }
    if (ins) {
      const at = locate(offset);
      let pos = at.pos;
      const pieces = ins.split('\n');
      const tail = lines[at.line]! - at.col;
      const newLines: number[] = [];
      pieces.forEach((piece, i) => {
        if (i > 0) {
          tr.split(pos);
          pos += 2;
        }
        if (piece) {
          tr.insert(pos, schema.text(piece));
          pos += piece.length;
        }
        newLines.push(piece.length);
      });
      newLines[0]! += at.col;
      newLines[newLines.length - 1]! += tail;
      lines.splice(at.line, 1, ...newLines);
    }
    doc = tr.doc;
    pending.push(...tr.steps);
    if (++edits % batch === 0) flush();
  }
  flush();
  const text = doc.textBetween(0, doc.content.size, '\n');
  if (complete && text !== trace.endContent) throw new Error('Factdesk steps do not reproduce the trace');

  // Then the server's part, timed: every request through the authority, stored in the database.
  let version = 0;
  collectGarbage();
  t0 = performance.now();
  for (const steps of requests) {
    await receiveSteps({ documentId: document.id, userId: user.id, version, clientID: 'trace', steps });
    version += steps.length;
  }
  const factdeskMs = performance.now() - t0;
  const { loadCurrent } = await import('@/lib/collab/authority');
  const serverText = (await loadCurrent(document.id, version)).textBetween(0, doc.content.size, '\n');
  if (serverText !== text) throw new Error('the stored document differs from the steps sent');
  const { getStepsSince } = await import('@/db/queries/documents');
  const stored = { n: (await getStepsSince(document.id, 0)).length };
  console.log(
    `factdesk (lib/collab + ${ENGINE}, ${stored.n.toLocaleString('en')} steps stored in ${Math.ceil(patches.length / batch).toLocaleString('en')} transactions): ${factdeskMs.toFixed(0)} ms, ${Math.round(patches.length / (factdeskMs / 1000)).toLocaleString('en')} edits/s`,
  );
  console.log(`ratio factdesk / yjs: ${(factdeskMs / yjsMs).toFixed(1)}×`);
  await getEngine().close();
  fs.rmSync(dir, { recursive: true, force: true });
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
