/**
 * `npm run db:copy` (lib/cli/copy.ts, db/copy.ts): a real SQLite desk (the demo with its
 * claims, typed text, a review run to the sign-off, comments and notifications) copied into a
 * fresh database of a throwaway PostgreSQL cluster (tests/support/pg.ts) by the CLI in a child
 * process, then read on PostgreSQL: the same rows, the same history, the sign-off verifies,
 * search finds the article, new rows get new ids; a second copy is refused.
 *
 * This file runs in the `unit` project: its own process's tables are SQLite's (DATABASE_PATH,
 * tests/unit/setup.ts); PostgreSQL is read through db/schema/pg.ts explicitly, and the app's
 * sign-off check runs there after re-importing the modules with DATABASE_URL set.
 */
import { asc, eq } from 'drizzle-orm';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { collab, receiveTransaction, sendableSteps } from 'prosemirror-collab';
import { EditorState, TextSelection } from 'prosemirror-state';
import Database from 'better-sqlite3';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pgDriver from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { getEngine } from '@/db';
import { copiedTables } from '@/db/copy';
import { PgEngine } from '@/db/pg-engine';
import { claims, documents, users } from '@/db/schema';
import * as pgSchema from '@/db/schema/pg';
import * as sqliteSchema from '@/db/schema/sqlite';
import { searchClaims } from '@/db/queries/claim-search';
import { queryDocumentPage } from '@/db/queries/document-list';
import { searchWords } from '@/db/queries/text-query';
import { DEMO_USERS, SAMPLE_TITLE, seedDemo } from '@/db/seed';
import { currentDocument, receiveSteps } from '@/lib/collab/authority';
import { indexMissingClaims } from '@/lib/claims/memory';
import { addComment } from '@/lib/comments/commands';
import { schema } from '@/lib/editor/schema';
import { transitionClaim, transitionDocument } from '@/lib/workflow/commands';
import { postgresAvailable, startPostgres, type PgCluster } from '../support/pg';

const pgRequired = !!process.env.CI || process.env.FACTDESK_REQUIRE_PG === '1';
const withPg = pgRequired || postgresAvailable();

/** Runs the CLI as `npm run db:copy` does; resolves with its exit code and output. */
function copyCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string; ms: number }> {
  const started = Date.now();
  return new Promise((resolve) => {
    const env = { ...process.env };
    delete env.DATABASE_URL;
    execFile(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'lib/cli/copy.ts', ...args], { cwd: process.cwd(), env, timeout: 120_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr, ms: Date.now() - started });
    });
  });
}

describe.skipIf(!withPg)('npm run db:copy (SQLite → PostgreSQL)', () => {
  let cluster: PgCluster;
  let target: string;
  let pg: PgEngine;
  let pgDb: NodePgDatabase<typeof pgSchema>;
  let source: string;
  let workspaceId: string;
  let documentId: string;
  let firstCopy: Awaited<ReturnType<typeof copyCli>>;
  const sqliteCount = (name: string) => {
    const db = new Database(source, { readonly: true });
    try {
      return (db.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n;
    } finally {
      db.close();
    }
  };
  const pgCounts = async () => Object.fromEntries(await Promise.all(copiedTables().map(async (t) => [t.name, (await pgDb.select().from(t.pg)).length] as const)));

  beforeAll(async () => {
    cluster = await startPostgres();
    target = cluster.createDatabase('copy_target');

    // The SQLite desk, built by the app's own commands.
    const engine = getEngine();
    source = (engine as { file: string }).file;
    await seedDemo(engine, { claims: true });
    const byEmail = async (email: string) => (await engine.db.select().from(users).where(eq(users.email, email)))[0]!;
    const [admin, editor, reviewer, reviewer2] = await Promise.all(DEMO_USERS.slice(0, 4).map((u) => byEmail(u.email)));
    const sample = (await engine.db.select().from(documents).where(eq(documents.title, SAMPLE_TITLE)))[0]!;
    documentId = sample.id;
    workspaceId = sample.workspaceId;

    // Typed text: steps in the history, the content beyond the first snapshot.
    const current = await currentDocument(documentId);
    let state = EditorState.create({ doc: schema.nodeFromJSON(current.doc), plugins: [collab({ version: current.version, clientID: 'copy-test' })] });
    for (const word of ['Eilmeldung ', 'vom ', 'Dienstag: ']) {
      state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, 1)).insertText(word));
      const sendable = sendableSteps(state)!;
      await receiveSteps({ documentId, userId: editor!.id, version: sendable.version, clientID: 'copy-test', steps: sendable.steps.map((s) => s.toJSON()) });
      state = state.apply(receiveTransaction(state, sendable.steps, sendable.steps.map(() => sendable.clientID)));
    }

    // The review, to the sign-off: approve the proposed verdict, dismiss the rest (comments).
    const ctx = (user: { id: string }, role: 'admin' | 'editor' | 'reviewer') => ({ userId: user.id, role, workspaceId, documentId, documentStatus: 'draft' as const });
    const claimRows = await engine.db.select().from(claims).where(eq(claims.documentId, documentId));
    await addComment(ctx(reviewer!, 'reviewer'), claimRows[0]!.id, { body: '@Ben Reviewer bitte noch einmal ansehen' });
    for (const c of claimRows) {
      if (c.status === 'proposed') {
        const approver = c.proposedBy === reviewer!.id ? reviewer2! : reviewer!;
        await transitionClaim(ctx(approver, 'reviewer'), c.id, { action: 'approve' });
      } else if (c.status !== 'approved') {
        await transitionClaim(ctx(reviewer!, 'reviewer'), c.id, { action: 'dismiss', comment: 'Nicht prüfbar vor dem Treffen.' });
      }
    }
    const actor = (user: { id: string }, role: 'admin' | 'editor') => ({ userId: user.id, role, workspaceId, documentId });
    await transitionDocument(actor(editor!, 'editor'), { action: 'submit' });
    await transitionDocument(actor(admin!, 'admin'), { action: 'sign_off' });
    // The claims' search entries, as the app writes them (at start and after each change).
    expect(await indexMissingClaims()).toBe(claimRows.length);

    firstCopy = await copyCli(['--from', source, '--to', target]);
    pg = new PgEngine(target, { max: 4 });
    await pg.ready;
    pgDb = pg.db as unknown as NodePgDatabase<typeof pgSchema>;
  }, 180_000);

  afterAll(async () => {
    await pg?.close();
    cluster?.stop();
  });

  it('copies, prints the rows per table, and verifies the sign-off', () => {
    expect(firstCopy.stderr).toBe('');
    expect(firstCopy.code).toBe(0);
    expect(firstCopy.stdout).toMatch(/^events\s+\d+$/m);
    expect(firstCopy.stdout).toMatch(/^claims_text\s+4$/m);
    expect(firstCopy.stdout).not.toContain('the source\'s search index lacked');
    expect(firstCopy.stdout).toContain('1 signed-off documents verified');
    console.log(`db:copy of the demo desk: ${firstCopy.ms} ms (the CLI process, start to end)\n${firstCopy.stdout}`);
  });

  it('copies every table with as many rows as the source, and none empty that was not', async () => {
    const counts = await pgCounts();
    expect(Object.keys(counts).sort()).toEqual(copiedTables().map((t) => t.name).sort());
    for (const [name, n] of Object.entries(counts)) expect({ name, n }).toEqual({ name, n: sqliteCount(name) });
    for (const name of ['users', 'documents', 'steps', 'events', 'claims', 'sources', 'comments', 'signoffs', 'notifications']) expect(counts[name], name).toBeGreaterThan(0);
  });

  it('keeps the history: the same steps and the same audit events, value for value', async () => {
    const sqlite = getEngine().db;
    const sqliteSteps = await sqlite.select().from(sqliteSchema.steps).where(eq(sqliteSchema.steps.documentId, documentId)).orderBy(asc(sqliteSchema.steps.version));
    const pgSteps = await pgDb.select().from(pgSchema.steps).where(eq(pgSchema.steps.documentId, documentId)).orderBy(asc(pgSchema.steps.version));
    expect(pgSteps.length).toBeGreaterThan(0);
    expect(pgSteps).toEqual(sqliteSteps);
    expect(await pgDb.select().from(pgSchema.events).orderBy(asc(pgSchema.events.id))).toEqual(await sqlite.select().from(sqliteSchema.events).orderBy(asc(sqliteSchema.events.id)));
    expect(await pgDb.select().from(pgSchema.claims).orderBy(asc(pgSchema.claims.id))).toEqual(await sqlite.select().from(sqliteSchema.claims).orderBy(asc(sqliteSchema.claims.id)));
    expect(await pgDb.select().from(pgSchema.signoffs)).toEqual(await sqlite.select().from(sqliteSchema.signoffs));
  });

  it('finds the article and its claims with PostgreSQL’s search', async () => {
    const page = await queryDocumentPage(
      { workspaceIds: [workspaceId], archived: false, openClaims: false, match: searchWords('Sicherheitsgarantien'), sort: 'relevance', dir: 'asc', offset: 0, limit: 10 },
      pg.db,
    );
    expect(page.documents.map((d) => d.id)).toEqual([documentId]);
    const typed = await queryDocumentPage({ workspaceIds: [workspaceId], archived: false, openClaims: false, match: searchWords('Eilmeldung'), sort: 'relevance', dir: 'asc', offset: 0, limit: 10 }, pg.db);
    expect(typed.documents.map((d) => d.id)).toEqual([documentId]);
    const found = await searchClaims(searchWords('Tomahawk'), { workspaceIds: [workspaceId] }, 10, pg.db);
    expect(found.length).toBeGreaterThan(0);
    const vocab = await pgDb.execute<{ n: number }>(`SELECT count(*)::int AS n FROM claims_search_vocab`);
    expect(vocab.rows[0]!.n).toBeGreaterThan(0);
  });

  it('refuses a second copy into the same database, and changes nothing', async () => {
    const before = await pgCounts();
    const again = await copyCli(['--from', source, '--to', target]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('the target database is not empty');
    expect(await pgCounts()).toEqual(before);
  }, 120_000);

  it('says so when the source file does not exist, or an argument is missing', async () => {
    const missing = path.join(os.tmpdir(), 'factdesk-no-such-desk.db');
    const unused = cluster.createDatabase('copy_unused');
    const result = await copyCli(['--from', missing, '--to', unused]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`the source database ${missing} does not exist`);
    expect(fs.existsSync(missing)).toBe(false);
    // Not even migrated: nothing was written.
    const client = new pgDriver.Client({ connectionString: unused });
    await client.connect();
    const tables = await client.query(`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema')`);
    await client.end();
    expect(tables.rows[0].n).toBe(0);
    const usage = await copyCli(['--to', target]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('--from is missing');
  }, 120_000);

  it('gives new events and notifications ids after the copied ones', async () => {
    const maxEvent = Math.max(...(await pgDb.select({ id: pgSchema.events.id }).from(pgSchema.events)).map((r) => r.id));
    const maxNotification = Math.max(...(await pgDb.select({ id: pgSchema.notifications.id }).from(pgSchema.notifications)).map((r) => r.id));
    const user = (await pgDb.select().from(pgSchema.users).where(eq(pgSchema.users.email, DEMO_USERS[1]!.email)))[0]!;
    const { event, notification } = await pg.transaction(async (executor) => {
      const tx = executor as unknown as NodePgDatabase<typeof pgSchema>;
      const [e] = await tx.insert(pgSchema.events).values({ workspaceId, action: 'test.after_copy', subjectType: 'document', subjectId: documentId }).returning();
      const [n] = await tx.insert(pgSchema.notifications).values({ userId: user.id, eventId: e!.id, kind: 'mention' }).returning();
      return { event: e!, notification: n! };
    });
    expect(event.id).toBeGreaterThan(maxEvent);
    expect(notification.id).toBeGreaterThan(maxNotification);
  });

  // Last: re-imports the app's modules with DATABASE_URL naming the target, as the CLI runs.
  it('verifies the sign-off on PostgreSQL with the app’s own check (verifySignoff)', async () => {
    const saved = { url: process.env.DATABASE_URL, path: process.env.DATABASE_PATH };
    process.env.DATABASE_URL = target;
    vi.resetModules();
    try {
      const commands = await import('@/lib/workflow/commands');
      const db = await import('@/db');
      const result = await commands.verifySignoff(documentId);
      expect(result.matches).toBe(true);
      expect(result.currentHash).toBe(result.signedHash);
      await db.getEngine().close();
    } finally {
      if (saved.url === undefined) delete process.env.DATABASE_URL;
      else process.env.DATABASE_URL = saved.url;
      vi.resetModules();
    }
  });
});
