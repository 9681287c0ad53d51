/**
 * The `unit-pg` project: each test file gets its own database in the run's PostgreSQL cluster
 * (tests/support/pg-global-setup.ts) and runs with `DATABASE_URL` pointing at it, so the app's
 * code opens the PostgreSQL engine and tables (db/index.ts, db/schema/index.ts).
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';

const base = inject('pgUrl');
const name = `unit_${randomBytes(6).toString('hex')}`;
const client = new pg.Client({ connectionString: base });
await client.connect();
await client.query(`CREATE DATABASE ${name}`);
await client.end();
process.env.DATABASE_URL = base.replace(/\/[^/]*$/, `/${name}`);
delete process.env.DATABASE_PATH;
