/**
 * Sign-in and its throttling (lib/auth/sign-in.ts) through the engine's own database: the
 * counts live in `rate_limits` (rate-limiter-flexible's SQLite store, or its PostgreSQL store
 * on the pool, so every process shares them). Runs on SQLite and, in the unit-pg project, on
 * PostgreSQL.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { getEngine } from '@/db';
import { DEMO_PASSWORD, seedDemo } from '@/db/seed';
import { checkSignIn, freeFailures, SignInRateLimitedError } from '@/lib/auth/sign-in';

beforeAll(async () => {
  await seedDemo(getEngine());
}, 30_000);

describe(`sign-in on ${process.env.DATABASE_URL ? 'PostgreSQL' : 'SQLite'}`, () => {
  it('signs in with the right password, and answers null for a wrong one or an unknown email', async () => {
    expect(await checkSignIn('Reviewer@Factdesk.test ', DEMO_PASSWORD, '10.0.0.1')).toMatchObject({ email: 'reviewer@factdesk.test', name: 'Rita Reviewer' });
    expect(await checkSignIn('reviewer@factdesk.test', 'wrong-password', '10.0.0.1')).toBeNull();
    expect(await checkSignIn('nobody@factdesk.test', DEMO_PASSWORD, '10.0.0.1')).toBeNull();
  });

  it('makes an email wait after repeated failures from one address; another address and a right password elsewhere are not held up', async () => {
    for (let i = 0; i <= freeFailures(); i++) expect(await checkSignIn('viewer@factdesk.test', 'wrong-password', '10.0.0.2')).toBeNull();
    const refused = await checkSignIn('viewer@factdesk.test', DEMO_PASSWORD, '10.0.0.2').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(SignInRateLimitedError);
    expect(refused).toMatchObject({ scope: 'account' });
    expect((refused as SignInRateLimitedError).retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(await checkSignIn('viewer@factdesk.test', DEMO_PASSWORD, '10.0.0.3')).toMatchObject({ email: 'viewer@factdesk.test' });
  }, 30_000);
});
