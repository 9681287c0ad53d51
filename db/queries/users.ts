/** Queries on users and their workspace memberships. */
import { and, eq } from 'drizzle-orm';
import { getDb, type DbOrTx } from '../index';
import { memberships, users, workspaces, type Role } from '../schema';

/** The user with this email (case-insensitive), or undefined. */
export function getUserByEmail(email: string, db: DbOrTx = getDb()) {
  return db.select().from(users).where(eq(users.email, email.trim().toLowerCase())).get();
}

/** The user with this id, or undefined. */
export function getUserById(id: string, db: DbOrTx = getDb()) {
  return db.select().from(users).where(eq(users.id, id)).get();
}

/** Creates a user; the email is stored lower-case. */
export function insertUser(props: { email: string; name: string; passwordHash: string; mustChangePassword?: boolean }, db: DbOrTx = getDb()) {
  return db
    .insert(users)
    .values({ ...props, email: props.email.trim().toLowerCase() })
    .returning()
    .get();
}

/** Creates a workspace. */
export function insertWorkspace(props: { name: string; organisation: string }, db: DbOrTx = getDb()) {
  return db.insert(workspaces).values(props).returning().get();
}

/** The workspace with this name, or undefined. */
export function getWorkspaceByName(name: string, db: DbOrTx = getDb()) {
  return db.select().from(workspaces).where(eq(workspaces.name, name)).get();
}

/** Adds a user to a workspace with a role (or changes the role). */
export function upsertMembership(props: { userId: string; workspaceId: string; role: Role }, db: DbOrTx = getDb()) {
  db.insert(memberships)
    .values(props)
    .onConflictDoUpdate({ target: [memberships.userId, memberships.workspaceId], set: { role: props.role } })
    .run();
}

/** Every workspace the user belongs to, with the user's role there. */
export function getMembershipsByUserId(userId: string, db: DbOrTx = getDb()) {
  return db
    .select({ workspaceId: workspaces.id, workspaceName: workspaces.name, role: memberships.role })
    .from(memberships)
    .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
    .where(eq(memberships.userId, userId))
    .orderBy(workspaces.createdAt)
    .all();
}

/** The user's membership in one workspace, or undefined. */
export function getMembership(userId: string, workspaceId: string, db: DbOrTx = getDb()) {
  return db
    .select()
    .from(memberships)
    .where(and(eq(memberships.userId, userId), eq(memberships.workspaceId, workspaceId)))
    .get();
}

/** The members of a workspace with their roles, by name. */
export function getMembersByWorkspaceId(workspaceId: string, db: DbOrTx = getDb()) {
  return db
    .select({ id: users.id, name: users.name, email: users.email, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.workspaceId, workspaceId))
    .orderBy(users.name)
    .all();
}

/** Removes a user from a workspace (the user and their past work stay). */
export function deleteMembership(userId: string, workspaceId: string, db: DbOrTx = getDb()) {
  db.delete(memberships)
    .where(and(eq(memberships.userId, userId), eq(memberships.workspaceId, workspaceId)))
    .run();
}

/** The workspace row, or undefined. */
export function getWorkspaceById(id: string, db: DbOrTx = getDb()) {
  return db.select().from(workspaces).where(eq(workspaces.id, id)).get();
}

/** Sets a user's password hash, and whether they must choose a new password at next sign-in. */
export function setPassword(userId: string, passwordHash: string, mustChangePassword: boolean, db: DbOrTx = getDb()) {
  db.update(users).set({ passwordHash, mustChangePassword }).where(eq(users.id, userId)).run();
}

/** The account's own settings: language, time zone, e-mail notifications. */
export function updateUserSettings(userId: string, patch: Partial<Pick<typeof users.$inferInsert, 'locale' | 'timeZone' | 'emailNotifications'>>, db: DbOrTx = getDb()) {
  return db.update(users).set(patch).where(eq(users.id, userId)).returning().get();
}

/** Notes that a user's daily digest went out. */
export function setDigestSent(userId: string, at: Date, db: DbOrTx = getDb()) {
  db.update(users).set({ digestSentAt: at }).where(eq(users.id, userId)).run();
}
