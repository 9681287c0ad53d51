/** Failed sign-in attempts, counted for rate limiting. */
import { and, count, eq, gt, lt } from 'drizzle-orm';
import { getDb, type DbOrTx } from '../index';
import { loginFailures } from '../schema';

/** Records one failed sign-in. */
export function insertLoginFailure(email: string, ip: string, db: DbOrTx = getDb()) {
  db.insert(loginFailures).values({ email, ip }).run();
}

/** Failed sign-ins for this email and for this IP address since `since`. */
export function countLoginFailuresSince(email: string, ip: string, since: Date, db: DbOrTx = getDb()) {
  const byEmail = db
    .select({ n: count() })
    .from(loginFailures)
    .where(and(eq(loginFailures.email, email), gt(loginFailures.createdAt, since)))
    .get();
  const byIp = db
    .select({ n: count() })
    .from(loginFailures)
    .where(and(eq(loginFailures.ip, ip), gt(loginFailures.createdAt, since)))
    .get();
  return { byEmail: byEmail?.n ?? 0, byIp: byIp?.n ?? 0 };
}

/** Forgets failures older than `before` and the email's failures after a successful sign-in. */
export function deleteLoginFailures(props: { before?: Date; email?: string }, db: DbOrTx = getDb()) {
  if (props.before) db.delete(loginFailures).where(lt(loginFailures.createdAt, props.before)).run();
  if (props.email) db.delete(loginFailures).where(eq(loginFailures.email, props.email)).run();
}
