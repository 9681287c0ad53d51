/**
 * Project api-pg: the test files' own database access (seeding many documents, reading the
 * audit log) goes to the app's PostgreSQL database, with PostgreSQL's tables (db/schema/index.ts
 * chooses them from DATABASE_URL when first imported, which is after this file).
 */
import { inject } from 'vitest';

process.env.DATABASE_URL = inject('database');
delete process.env.DATABASE_PATH;
