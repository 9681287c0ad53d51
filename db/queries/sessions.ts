/** Signed-in sessions (see `sessions` in db/schema.ts). */
import { and, eq, gt, isNull, lt, ne, or } from 'drizzle-orm';
import { first, getDb, type DbOrTx, type Tx } from '../index';
import { sessions, users } from '../schema';

/** Starts a session for a user that ends at `expiresAt`. */
export async function insertSession(props: { id: string; userId: string; expiresAt: Date }, db: Tx) {
  await db.insert(sessions).values(props);
}

/** The user of a session that exists, is not revoked and has not expired; undefined otherwise. */
export async function getActiveSessionUser(sessionId: string, db: DbOrTx = getDb()) {
  return db
    .select({ id: users.id, email: users.email, name: users.name, mustChangePassword: users.mustChangePassword, locale: users.locale, timeZone: users.timeZone })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt), gt(sessions.expiresAt, new Date())))
    .then(first);
}

/** Ends one session. */
export async function revokeSession(sessionId: string, db: Tx) {
  await db.update(sessions).set({ revokedAt: new Date() }).where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)));
}

/** Ends every session of a user, except `keep` (the one that asked). */
export async function revokeUserSessions(userId: string, keep: string | undefined, db: Tx) {
  const others = keep ? and(eq(sessions.userId, userId), ne(sessions.id, keep)) : eq(sessions.userId, userId);
  await db.update(sessions).set({ revokedAt: new Date() }).where(and(others, isNull(sessions.revokedAt)));
}

/** Forgets sessions that ended before `before`. */
export async function deleteEndedSessions(before: Date, db: Tx) {
  await db.delete(sessions).where(or(lt(sessions.expiresAt, before), lt(sessions.revokedAt, before)));
}
