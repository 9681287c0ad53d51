/**
 * Benchmark: the least SQLite can cost for the step log, without ProseMirror or the app —
 * what bounds bench/collab/trace.ts from below. A `steps` table shaped like ours (primary
 * key (document, version), foreign keys on), on a file in the temporary directory:
 *
 *   (a) one write transaction per edit: BEGIN IMMEDIATE, read the version, insert one row,
 *       update the version, COMMIT — with synchronous = NORMAL (as the app runs) and OFF;
 *   (b) 259,778 rows (the trace's edits) in 520 transactions of 500, one INSERT per row
 *       and 50 rows per INSERT.
 *
 *   npm run bench -- bench/collab/sqlite-floor.ts
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const STEP = JSON.stringify({ stepType: 'replace', from: 12345, to: 12345, slice: { content: [{ type: 'text', text: 'x' }] } });
const ROW = '(?, ?, ?, ?, ?, ?)';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factdesk-floor-'));

function open(synchronous: 'NORMAL' | 'OFF') {
  const file = path.join(dir, `floor-${Math.random().toString(36).slice(2)}.db`);
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${synchronous}`);
  db.pragma('foreign_keys = ON');
  db.exec(`
    CREATE TABLE users (id TEXT PRIMARY KEY);
    CREATE TABLE documents (id TEXT PRIMARY KEY, version INTEGER NOT NULL);
    CREATE TABLE steps (
      document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
      version INTEGER NOT NULL,
      step TEXT NOT NULL,
      client_id TEXT NOT NULL,
      user_id TEXT REFERENCES users(id) ON DELETE SET NULL,
      created_at INTEGER NOT NULL,
      PRIMARY KEY (document_id, version)
    );
    INSERT INTO users VALUES ('00000000-0000-4000-8000-000000000001');
    INSERT INTO documents VALUES ('00000000-0000-4000-8000-000000000002', 0);
  `);
  return db;
}
const USER = '00000000-0000-4000-8000-000000000001';
const DOC = '00000000-0000-4000-8000-000000000002';

function oneTransactionPerEdit(synchronous: 'NORMAL' | 'OFF', edits: number) {
  const db = open(synchronous);
  const read = db.prepare('SELECT version FROM documents WHERE id = ?');
  const insert = db.prepare(`INSERT INTO steps VALUES ${ROW}`);
  const update = db.prepare('UPDATE documents SET version = ? WHERE id = ?');
  const edit = db.transaction(() => {
    const { version } = read.get(DOC) as { version: number };
    insert.run(DOC, version + 1, STEP, 'client', USER, Date.now());
    update.run(version + 1, DOC);
  });
  const t0 = performance.now();
  for (let i = 0; i < edits; i++) edit.immediate();
  const us = ((performance.now() - t0) / edits) * 1000;
  db.close();
  console.log(`(a) one transaction per edit, synchronous=${synchronous}: ${us.toFixed(1)} µs per edit (${edits.toLocaleString('en')} edits)`);
}

function batches(rowsPerInsert: 1 | 50, total = 259_778, perTransaction = 500) {
  const db = open('NORMAL');
  const one = db.prepare(`INSERT INTO steps VALUES ${ROW}`);
  const many = db.prepare(`INSERT INTO steps VALUES ${Array(50).fill(ROW).join(', ')}`);
  const update = db.prepare('UPDATE documents SET version = ? WHERE id = ?');
  let version = 0;
  const request = db.transaction((n: number) => {
    let i = 0;
    if (rowsPerInsert === 50) {
      for (; i + 50 <= n; i += 50) {
        const values: unknown[] = [];
        for (let j = 0; j < 50; j++) values.push(DOC, ++version, STEP, 'client', USER, Date.now());
        many.run(values);
      }
    }
    for (; i < n; i++) one.run(DOC, ++version, STEP, 'client', USER, Date.now());
    update.run(version, DOC);
  });
  const t0 = performance.now();
  for (let left = total; left > 0; left -= perTransaction) request.immediate(Math.min(perTransaction, left));
  const ms = performance.now() - t0;
  db.close();
  console.log(`(b) ${total.toLocaleString('en')} rows in transactions of ${perTransaction}, ${rowsPerInsert} per INSERT: ${ms.toFixed(0)} ms (${((ms / total) * 1000).toFixed(1)} µs per row)`);
}

try {
  oneTransactionPerEdit('NORMAL', 30_000);
  oneTransactionPerEdit('OFF', 30_000);
  batches(1);
  batches(50);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
