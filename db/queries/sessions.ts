/** Signed-in sessions (see `sessions` in db/schema.ts). */
import { and, eq, gt, isNull, lt, ne, or } from 'drizzle-orm';
import { getDb, type DbOrTx } from '../index';
import { sessions, users } from '../schema';

/** Starts a session for a user that ends at `expiresAt`. */
export function insertSession(props: { id: string; userId: string; expiresAt: Date }, db: DbOrTx = getDb()) {
  db.insert(sessions).values(props).run();
}

/** The user of a session that exists, is not revoked and has not expired; undefined otherwise. */
export function getActiveSessionUser(sessionId: string, db: DbOrTx = getDb()) {
  return db
    .select({ id: users.id, email: users.email, name: users.name, mustChangePassword: users.mustChangePassword, locale: users.locale, timeZone: users.timeZone })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt), gt(sessions.expiresAt, new Date())))
    .get();
}

/** Ends one session. */
export function revokeSession(sessionId: string, db: DbOrTx = getDb()) {
  db.update(sessions).set({ revokedAt: new Date() }).where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt))).run();
}

/** Ends every session of a user, except `keep` (the one that asked). */
export function revokeUserSessions(userId: string, keep?: string, db: DbOrTx = getDb()) {
  const others = keep ? and(eq(sessions.userId, userId), ne(sessions.id, keep)) : eq(sessions.userId, userId);
  db.update(sessions).set({ revokedAt: new Date() }).where(and(others, isNull(sessions.revokedAt))).run();
}

/** Forgets sessions that ended before `before`. */
export function deleteEndedSessions(before: Date, db: DbOrTx = getDb()) {
  db.delete(sessions).where(or(lt(sessions.expiresAt, before), lt(sessions.revokedAt, before))).run();
}
