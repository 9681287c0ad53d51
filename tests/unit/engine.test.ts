/**
 * The database engines (db/index.ts on SQLite, db/pg-engine.ts on PostgreSQL): what the
 * asynchronous transactions promise, the same on both. Each test opens its own temporary
 * SQLite file, or its own database in a throwaway PostgreSQL 15 cluster (tests/support/pg.ts).
 */
import { eq, sql } from 'drizzle-orm';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { afterCommit, first, jsonArrayHas, jsonText, lockForUpdate, openEngine, rows, type Engine } from '@/db';
import { PgEngine } from '@/db/pg-engine';
import * as sqliteSchema from '@/db/schema/sqlite';
import { workspaces as sqliteWorkspaces } from '@/db/schema';
import * as pgSchema from '@/db/schema/pg';
import { postgresAvailable, startPostgres, type PgCluster } from '../support/pg';


const opened: { close(): unknown }[] = [];
afterEach(async () => {
  for (const e of opened.splice(0)) await e.close();
});

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));
const insert = (name: string) => ({ name, organisation: 'Org' });

let cluster: PgCluster | undefined;
let databases = 0;
const pgRequired = !!process.env.CI || process.env.FACTDESK_REQUIRE_PG === '1';
const withPg = pgRequired || postgresAvailable();
beforeAll(async () => {
  if (withPg) cluster = await startPostgres();
}, 60_000);
afterAll(() => cluster?.stop());

const engines: [string, () => Promise<Engine>, typeof sqliteWorkspaces, typeof sqliteSchema][] = [
  [
    'SQLite',
    async () => {
      const e = openEngine(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'factdesk-engine-')), 'engine.db'));
      opened.push(e);
      return e;
    },
    sqliteWorkspaces,
    sqliteSchema,
  ],
];
if (withPg) {
  engines.push([
    'PostgreSQL',
    async () => {
      const e = new PgEngine(cluster!.createDatabase(`engine_${++databases}`), { max: 12 });
      opened.push(e);
      await e.ready;
      return e;
    },
    pgSchema.workspaces as unknown as typeof sqliteWorkspaces,
    pgSchema as unknown as typeof sqliteSchema,
  ]);
}

describe.each(engines)('the %s engine', (_name, open, workspaces, schema) => {
  const engine = open;
  const names = async (e: Engine) => (await e.db.select({ name: workspaces.name }).from(workspaces)).map((w) => w.name).sort();

  it('commits what a transaction wrote when it resolves, and readers never see it before', async () => {
    const e = await engine();
    let seenInside: string[] = [];
    await e.transaction(async (tx) => {
      await tx.insert(workspaces).values(insert('A'));
      await tick(); // other work runs meanwhile
      seenInside = await names(e);
      expect((await tx.select().from(workspaces)).map((w) => w.name)).toEqual(['A']);
    });
    expect(seenInside).toEqual([]);
    expect(await names(e)).toEqual(['A']);
  });

  it('rolls everything back when the transaction throws, and releases the lock', async () => {
    const e = await engine();
    await expect(
      e.transaction(async (tx) => {
        await tx.insert(workspaces).values(insert('B'));
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(await names(e)).toEqual([]);
    await e.transaction((tx) => tx.insert(workspaces).values(insert('C')));
    expect(await names(e)).toEqual(['C']);
  });

  it('runs concurrent transactions one after another: a read-then-write never interleaves', async () => {
    const e = await engine();
    await e.transaction((tx) => tx.insert(workspaces).values({ name: 'counter', organisation: '0' }));
    const increment = () =>
      e.transaction(async (tx) => {
        const id = (await tx.select({ id: workspaces.id }).from(workspaces).where(eq(workspaces.name, 'counter')).then(first))!.id;
        await lockForUpdate(tx, workspaces, id);
        const row = (await tx.select().from(workspaces).where(eq(workspaces.id, id)).then(first))!;
        await tick();
        await tx.update(workspaces).set({ organisation: String(Number(row.organisation) + 1) }).where(eq(workspaces.id, row.id));
      });
    await Promise.all(Array.from({ length: 10 }, increment));
    expect((await e.db.select().from(workspaces).then(first))!.organisation).toBe('10');
  });

  it('runs afterCommit hooks only after COMMIT, never after a rollback', async () => {
    const e = await engine();
    const log: string[] = [];
    await e.transaction(async (tx) => {
      await tx.insert(workspaces).values(insert('D'));
      afterCommit(() => log.push('committed'));
      log.push('inside');
    });
    expect(log).toEqual(['inside', 'committed']);
    // A hook that reads through another connection sees the committed row.
    let seen: Promise<string[]> | undefined;
    await e.transaction(async (tx) => {
      await tx.insert(workspaces).values(insert('E'));
      afterCommit(() => (seen = names(e)));
      expect(seen).toBeUndefined();
    });
    expect(await seen).toEqual(['D', 'E']);
    await expect(
      e.transaction(async () => {
        afterCommit(() => log.push('never'));
        throw new Error('rolled back');
      }),
    ).rejects.toThrow();
    expect(log).not.toContain('never');
  });

  it('refuses a transaction inside a transaction, and getDb()-style reads inside one, instead of deadlocking', async () => {
    const e = await engine();
    await expect(e.transaction(() => e.transaction(async () => undefined))).rejects.toThrow(/pass tx/);
    const { getDb } = await import('@/db');
    await expect(e.transaction(async () => getDb())).rejects.toThrow(/pass its tx/);
  });

  it('refuses writes on the reader: only a transaction writes', async () => {
    const e = await engine();
    const refused = await e.db.insert(workspaces).values(insert('F')).then(
      () => null,
      (err: Error) => `${err.message} ${(err.cause as Error | undefined)?.message ?? ''}`,
    );
    expect(refused).toMatch(/read-?only/i);
    expect(await names(e)).toEqual([]);
  });

  it('gives a read transaction one snapshot across awaits while others commit', async () => {
    const e = await engine();
    await e.transaction((tx) => tx.insert(workspaces).values(insert('G')));
    const seen = await e.readTransaction(async (tx) => {
      const before = (await tx.select().from(workspaces)).length;
      await e.transaction((w) => w.insert(workspaces).values(insert('H')));
      const after = (await tx.select().from(workspaces)).length;
      return [before, after];
    });
    expect(seen).toEqual([1, 1]);
    expect(await names(e)).toEqual(['G', 'H']);
  });


  it('speaks each engine’s SQL for raw queries and JSON columns (rows, jsonText, jsonArrayHas)', async () => {
    const e = await engine();
    const { documents, claims, events } = schema;
    const claimId = await e.transaction(async (tx) => {
      const [w] = await tx.insert(workspaces).values(insert('J')).returning();
      const [d] = await tx.insert(documents).values({ workspaceId: w!.id, title: 'D', language: 'de', updatedAt: new Date() }).returning();
      const [c] = await tx
        .insert(claims)
        .values({ documentId: d!.id, from: 1, to: 2, quoteExact: 'x', quotePrefix: '', quoteSuffix: '', statement: 'S', tags: ['wahl', 'Zahl'], updatedAt: new Date() })
        .returning();
      await tx.insert(events).values({ workspaceId: w!.id, action: 'comment.added', subjectType: 'comment', subjectId: 'k', after: { claimId: c!.id, body: 'ü' } });
      return c!.id;
    });
    const byJson = await e.db.select({ action: events.action }).from(events).where(eq(jsonText(e.db, events.after, 'claimId'), claimId));
    expect(byJson).toEqual([{ action: 'comment.added' }]);
    const tagged = (tag: string) => rows<{ claimId: string }>(e.db, sql`SELECT id AS "claimId" FROM claims WHERE ${jsonArrayHas(e.db, claims.tags, tag)}`);
    expect(await tagged('Zahl')).toEqual([{ claimId }]);
    expect(await tagged('zahl')).toEqual([]);
  });
});

describe('the SQLite engine', () => {
  it('waits while another process holds the write lock, then commits after it', async () => {
    const e = openEngine(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'factdesk-engine-')), 'engine.db'));
    opened.push(e);
    // Another process takes SQLite's write lock, writes, holds it 300 ms, commits.
    const child = spawn(process.execPath, ['-e', `
      const D = require('better-sqlite3');
      const d = new D(process.argv[1]);
      d.exec('BEGIN IMMEDIATE');
      d.prepare("INSERT INTO workspaces (id, name, organisation, created_at) VALUES ('x', 'other process', 'Org', 0)").run();
      process.stdout.write('locked\\n');
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 300);
      d.exec('COMMIT');
    `, e.file]);
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (b: Buffer) => b.toString().includes('locked') && resolve());
      child.on('exit', (code) => reject(new Error(`the other process ended (${code}) before locking`)));
    });
    const started = Date.now();
    await e.transaction((tx) => tx.insert(sqliteWorkspaces).values(insert('I')));
    expect(Date.now() - started).toBeGreaterThan(100);
    expect((await e.db.select().from(sqliteWorkspaces)).map((w) => w.name).sort()).toEqual(['I', 'other process']);
  });
});

describe.skipIf(!withPg)('the PostgreSQL engine', () => {
  it('lets two processes (two pools on one database) change one row at once without losing an update', async () => {
    const url = cluster!.createDatabase(`engine_${++databases}`);
    const a = new PgEngine(url, { max: 6 });
    const b = new PgEngine(url, { max: 6 });
    opened.push(a, b);
    await Promise.all([a.ready, b.ready]);
    const workspaces = pgSchema.workspaces as unknown as typeof sqliteWorkspaces;
    await a.transaction((tx) => tx.insert(workspaces).values({ name: 'counter', organisation: '0' }));
    const increment = (e: PgEngine) =>
      e.transaction(async (tx) => {
        const id = (await tx.select({ id: workspaces.id }).from(workspaces).then(first))!.id;
        await lockForUpdate(tx, workspaces, id);
        const row = (await tx.select().from(workspaces).where(eq(workspaces.id, id)).then(first))!;
        await tick();
        await tx.update(workspaces).set({ organisation: String(Number(row.organisation) + 1) }).where(eq(workspaces.id, id));
      });
    await Promise.all(Array.from({ length: 10 }, (_, i) => increment(i % 2 ? a : b)));
    expect((await b.db.select().from(workspaces).then(first))!.organisation).toBe('10');
  });
});
