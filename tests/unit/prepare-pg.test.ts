/**
 * `DATABASE_URL=postgres://… npm start` (and `npm run demo`): lib/cli/prepare.ts, run as a child
 * process as the npm scripts run it, against fresh databases of a throwaway PostgreSQL cluster
 * (tests/support/pg.ts): it migrates, seeds the demo desk with --demo, indexes it for search,
 * never prints the password, and a second run changes nothing. NEXTAUTH_SECRET and
 * NEXTAUTH_URL are set, so it writes no .env.local.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS, SAMPLE_TITLE } from '@/db/seed';
import { postgresAvailable, startPostgres, type PgCluster } from '../support/pg';

const pgRequired = !!process.env.CI || process.env.FACTDESK_REQUIRE_PG === '1';
const withPg = pgRequired || postgresAvailable();
const envFile = path.join(process.cwd(), '.env.local');

function prepare(url: string, args: string[]) {
  return cli('lib/cli/prepare.ts', url, args);
}

/** Runs one of the CLI scripts as npm runs it, with DATABASE_URL; `input` is piped to it. */
function cli(script: string, url: string, args: string[], input = ''): Promise<{ code: number; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: url, NEXTAUTH_SECRET: 'prepare-pg-test-secret', NEXTAUTH_URL: 'http://localhost:3999' };
  delete env.DATABASE_PATH;
  Reflect.deleteProperty(env, 'NODE_ENV'); // as npm start runs it: not the tests' NODE_ENV
  return new Promise((resolve) => {
    const child = execFile(process.execPath, ['--conditions=react-server', '--import', 'tsx', script, ...args], { cwd: process.cwd(), env, timeout: 120_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    );
    child.stdin?.end(input);
  });
}

async function query<T>(url: string, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text)).rows as T[];
  } finally {
    await client.end();
  }
}

describe.skipIf(!withPg)('npm start / npm run demo / create-admin on PostgreSQL (lib/cli/prepare.ts, create-admin.ts)', () => {
  let cluster: PgCluster;
  const hadEnvFile = fs.existsSync(envFile);
  const envBefore = hadEnvFile ? fs.readFileSync(envFile, 'utf8') : null;

  beforeAll(async () => {
    cluster = await startPostgres();
  }, 60_000);
  afterAll(() => cluster?.stop());

  const withPassword = (url: string) => url.replace('postgres://factdesk@', 'postgres://factdesk:s3cret-pw@');
  const counts = async (url: string) =>
    (await query<{ users: number; documents: number; claims: number; events: number; texts: number; claim_texts: number }>(
      url,
      `SELECT (SELECT count(*)::int FROM users) AS users, (SELECT count(*)::int FROM documents) AS documents, (SELECT count(*)::int FROM claims) AS claims,
              (SELECT count(*)::int FROM events) AS events, (SELECT count(*)::int FROM documents_search WHERE body <> '') AS texts,
              (SELECT count(*)::int FROM claims_text) AS claim_texts`,
    ))[0]!;

  it('migrates and seeds the demo desk with --demo, and a second run is harmless', async () => {
    const url = withPassword(cluster.createDatabase('prepare_demo'));
    const first = await prepare(url, ['--demo']);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(`factdesk: database postgres://factdesk:***@127.0.0.1:${cluster.port}/prepare_demo is migrated`);
    expect(first.stdout).toContain('seeded the demo desk');
    expect(first.stdout + first.stderr).not.toContain('s3cret-pw');

    const emails = (await query<{ email: string }>(url, 'SELECT email FROM users ORDER BY email')).map((r) => r.email);
    expect(emails).toEqual(DEMO_USERS.map((u) => u.email).sort());
    const docs = await query<{ title: string; language: string }>(url, 'SELECT title, language FROM documents');
    expect(docs).toEqual([{ title: SAMPLE_TITLE, language: 'de' }]);
    const after = await counts(url);
    expect(after).toMatchObject({ users: 5, documents: 1, texts: 1 });
    expect(after.claims).toBeGreaterThan(0);
    expect(after.claim_texts).toBe(after.claims);

    const second = await prepare(url, ['--demo']);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('is migrated');
    expect(second.stdout).not.toContain('seeded');
    expect(second.stdout).not.toContain('indexed');
    expect(await counts(url)).toEqual(after);
  }, 120_000);

  it('migrates without seeding for npm start', async () => {
    const url = cluster.createDatabase('prepare_start');
    const result = await prepare(url, []);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('is migrated');
    expect(await counts(url)).toMatchObject({ users: 0, documents: 0 });
    const migrations = await query<{ n: number }>(url, 'SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations');
    expect(migrations[0]!.n).toBeGreaterThan(0);

    // Then the first admin, as the README's production set-up does it.
    const admin = await cli('lib/cli/create-admin.ts', url, ['--email', 'chief@example.org', '--name', 'Chief Editor', '--workspace', 'Newsdesk'], 'a-long-enough-password\n');
    expect(admin.stderr).toBe('');
    expect(admin.stdout).toContain('chief@example.org is an admin of "Newsdesk"');
    const roles = await query<{ email: string; name: string; role: string }>(url, 'SELECT u.email, w.name, m.role FROM memberships m JOIN users u ON u.id = m.user_id JOIN workspaces w ON w.id = m.workspace_id');
    expect(roles).toEqual([{ email: 'chief@example.org', name: 'Newsdesk', role: 'admin' }]);
  }, 120_000);

  it('leaves no .env.local behind', () => {
    expect(fs.existsSync(envFile)).toBe(hadEnvFile);
    if (hadEnvFile) expect(fs.readFileSync(envFile, 'utf8')).toBe(envBefore);
  });
});
