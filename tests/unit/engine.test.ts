/**
 * The database engine (db/index.ts) on SQLite: what the asynchronous transactions promise.
 * Each test opens its own temporary database file.
 */
import { eq } from 'drizzle-orm';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { afterCommit, first, openEngine, type Engine } from '@/db';
import { workspaces } from '@/db/schema';

const engines: Engine[] = [];
function engine(): Engine {
  const e = openEngine(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'factdesk-engine-')), 'engine.db'));
  engines.push(e);
  return e;
}
afterEach(() => {
  for (const e of engines.splice(0)) e.close();
});

const names = async (e: Engine) => (await e.db.select({ name: workspaces.name }).from(workspaces)).map((w) => w.name).sort();
const insert = (name: string) => ({ name, organisation: 'Org' });
const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('the SQLite engine', () => {
  it('commits what a transaction wrote when it resolves, and readers never see it before', async () => {
    const e = engine();
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
    const e = engine();
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
    const e = engine();
    await e.transaction((tx) => tx.insert(workspaces).values({ name: 'counter', organisation: '0' }));
    const increment = () =>
      e.transaction(async (tx) => {
        const row = (await tx.select().from(workspaces).where(eq(workspaces.name, 'counter')).then(first))!;
        await tick();
        await tx.update(workspaces).set({ organisation: String(Number(row.organisation) + 1) }).where(eq(workspaces.id, row.id));
      });
    await Promise.all(Array.from({ length: 10 }, increment));
    expect((await e.db.select().from(workspaces).then(first))!.organisation).toBe('10');
  });

  it('runs afterCommit hooks only after COMMIT, never after a rollback', async () => {
    const e = engine();
    const log: string[] = [];
    await e.transaction(async (tx) => {
      await tx.insert(workspaces).values(insert('D'));
      afterCommit(() => log.push('committed'));
      log.push('inside');
    });
    expect(log).toEqual(['inside', 'committed']);
    const seen: string[][] = [];
    await e.transaction(async (tx) => {
      await tx.insert(workspaces).values(insert('E'));
      afterCommit(() => void names(e).then((n) => seen.push(n)));
    });
    await tick();
    expect(seen).toEqual([['D', 'E']]);
    await expect(
      e.transaction(async () => {
        afterCommit(() => log.push('never'));
        throw new Error('rolled back');
      }),
    ).rejects.toThrow();
    expect(log).not.toContain('never');
  });

  it('refuses a transaction inside a transaction, and getDb()-style reads inside one, instead of deadlocking', async () => {
    const e = engine();
    await expect(e.transaction(() => e.transaction(async () => undefined))).rejects.toThrow(/pass tx/);
    const { getDb } = await import('@/db');
    await expect(e.transaction(async () => getDb())).rejects.toThrow(/pass its tx/);
  });

  it('refuses writes on the reader: only a transaction writes', async () => {
    const e = engine();
    await expect(e.db.insert(workspaces).values(insert('F'))).rejects.toThrow(/readonly/i);
    expect(await names(e)).toEqual([]);
  });

  it('gives a read transaction one snapshot across awaits while others commit', async () => {
    const e = engine();
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

  it('waits while another process holds the write lock, then commits after it', async () => {
    const e = engine();
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
    await e.transaction((tx) => tx.insert(workspaces).values(insert('I')));
    expect(Date.now() - started).toBeGreaterThan(100);
    expect(await names(e)).toEqual(['I', 'other process']);
  });
});
