/**
 * Checking a sign-in: throttling of failed attempts, then the password. Used by next-auth's
 * Credentials provider.
 *
 * Throttling cannot be turned against a user: failures count per (email, client address)
 * and per address — never per email from everywhere — with rate-limiter-flexible storing
 * the counters in the database. After FREE_FAILURES failures for an email from one address,
 * each further failure makes that pair wait twice as long (1 s, 2 s, 4 s … at most 15 min);
 * an address with too many failures for any emails waits 15 minutes. A correct password
 * from elsewhere always works, and an admin can reset a forgotten password.
 */
import { RateLimiterPostgres, RateLimiterSQLite, type RateLimiterRes } from 'rate-limiter-flexible';
import { getEngine, type Engine } from '@/db';
import { getUserByEmail } from '@/db/queries/users';
import { DUMMY_HASH, verifyPassword } from './passwords';

/** Failures for one email from one address before the delays start (FACTDESK_LOGIN_FREE_FAILURES, default 5). */
export function freeFailures(): number {
  return Number(process.env.FACTDESK_LOGIN_FREE_FAILURES) || 5;
}
/** Failures from one address, for any emails, in 15 minutes before it waits (FACTDESK_LOGIN_MAX_FAILURES_PER_ADDRESS, default 50). */
export function maxFailuresPerAddress(): number {
  return Number(process.env.FACTDESK_LOGIN_MAX_FAILURES_PER_ADDRESS) || 50;
}
const WINDOW_SECONDS = 15 * 60;
const MAX_DELAY_SECONDS = 15 * 60;

/** Thrown when sign-in must wait; next-auth passes the message to the login page. */
export class SignInRateLimitedError extends Error {
  constructor(
    readonly retryAfterSeconds: number,
    readonly scope: 'account' | 'address',
  ) {
    const wait = retryAfterSeconds < 90 ? `${retryAfterSeconds} seconds` : `${Math.ceil(retryAfterSeconds / 60)} minutes`;
    super(
      scope === 'account'
        ? `Too many failed sign-in attempts for this account from your network. Wait ${wait} and try again. If you forgot your password, an admin of your workspace can reset it.`
        : `Too many failed sign-in attempts from your network. Wait ${wait} and try again.`,
    );
  }
}

type Limiter = RateLimiterSQLite | RateLimiterPostgres;

interface Limiters {
  /** Failures per email and address, for a day; a success forgets them. */
  failures: Limiter;
  /** The wait an email and address are in, if any. */
  delay: Limiter;
  /** Failures per address in 15 minutes. */
  byAddress: Limiter;
}

const limitersByStore = new WeakMap<object, Promise<Limiters>>();

/** A limiter whose rows live in the engine's own database (`rate_limits`, created by rate-limiter-flexible). */
function limiter(engine: Engine, keyPrefix: string, points: number, duration: number, blockDuration = 0): Promise<Limiter> {
  return new Promise((resolve, reject) => {
    const options = { tableName: 'rate_limits', keyPrefix, points, duration, blockDuration, clearExpiredByTimeout: true };
    const ready = (err?: Error) => (err ? reject(err) : resolve(rl));
    const rl: Limiter =
      engine.dialect === 'sqlite'
        ? new RateLimiterSQLite({ ...options, storeClient: engine.sqlite, storeType: 'better-sqlite3' }, ready)
        : new RateLimiterPostgres({ ...options, storeClient: engine.pool, storeType: 'pool' }, ready);
  });
}

/**
 * The limiters keep their rows in the database's `rate_limits` table. On SQLite they use the
 * engine's read-write connection, and every call goes through `locked`, which holds the
 * engine's write lock, so a limiter statement never lands inside another request's open
 * transaction; on PostgreSQL they use the engine's pool (every process shares the counts).
 */
async function limiters(): Promise<Limiters> {
  const engine = getEngine();
  const client = engine.dialect === 'sqlite' ? engine.sqlite : engine.pool;
  let found = limitersByStore.get(client);
  if (!found) {
    found = (async () => ({
      failures: await limiter(engine, 'login_failures', 1_000_000, 24 * 3600),
      delay: await limiter(engine, 'login_delay', 1, 1),
      byAddress: await limiter(engine, 'login_address', maxFailuresPerAddress(), WINDOW_SECONDS, WINDOW_SECONDS),
    }))();
    limitersByStore.set(client, found);
  }
  return found;
}

/** Seconds to wait while `res` has reached `points`, else null. */
function blocked(res: RateLimiterRes | null, points: number): number | null {
  return res && res.consumedPoints >= points && res.msBeforeNext > 0 ? Math.ceil(res.msBeforeNext / 1000) : null;
}

/** The signed-in user, or null for a wrong email or password. Throws while the attempt must wait. */
export async function checkSignIn(emailInput: string, password: string, address: string) {
  const email = emailInput.trim().toLowerCase();
  const pair = `${email}|${address}`;
  const l = await limiters();
  const [delay, byAddress] = await locked(() => Promise.all([l.delay.get(pair), l.byAddress.get(address)]));
  const addressWait = blocked(byAddress, maxFailuresPerAddress());
  if (addressWait) throw new SignInRateLimitedError(addressWait, 'address');
  const accountWait = blocked(delay, 2);
  if (accountWait) throw new SignInRateLimitedError(accountWait, 'account');
  const user = await getUserByEmail(email);
  const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !ok) {
    await recordFailure(l, pair);
    await locked(() => l.byAddress.consume(address)).catch(() => undefined); // over the limit: now blocked
    return null;
  }
  await forgetFailures(l, pair);
  return { id: user.id, email: user.email, name: user.name };
}

/** Throttles checks of a signed-in user's current password (changing it) the same way. */
export async function checkPasswordAttempt(userId: string, address: string, ok: () => Promise<boolean>): Promise<boolean> {
  const pair = `password:${userId}|${address}`;
  const l = await limiters();
  const wait = blocked(await locked(() => l.delay.get(pair)), 2);
  if (wait) throw new SignInRateLimitedError(wait, 'account');
  if (await ok()) {
    await forgetFailures(l, pair);
    return true;
  }
  await recordFailure(l, pair);
  return false;
}

/** Counts a failure for a pair; past the free ones, the pair waits twice as long as before. */
async function recordFailure(l: Limiters, pair: string) {
  await locked(async () => {
    const failed = await l.failures.penalty(pair, 1);
    const over = failed.consumedPoints - freeFailures();
    if (over > 0) await l.delay.block(pair, Math.min(2 ** (over - 1), MAX_DELAY_SECONDS));
  });
}

async function forgetFailures(l: Limiters, pair: string) {
  await locked(() => Promise.all([l.failures.delete(pair), l.delay.delete(pair)]));
}

/** Runs limiter calls under the engine's write lock (see `limiters`). */
function locked<T>(fn: () => Promise<T>): Promise<T> {
  return getEngine().serializeWrites(fn);
}
