/** Queries on users and their workspace memberships. */
import { and, eq } from 'drizzle-orm';
import { first, getDb, lockForUpdate, only, type DbOrTx, type Tx } from '../index';
import { memberships, users, workspaces, type Role } from '../schema';

/** The user with this email (case-insensitive), or undefined. */
export async function getUserByEmail(email: string, db: DbOrTx = getDb()) {
  return db.select().from(users).where(eq(users.email, email.trim().toLowerCase())).then(first);
}

/** The user with this id, or undefined. */
export async function getUserById(id: string, db: DbOrTx = getDb()) {
  return db.select().from(users).where(eq(users.id, id)).then(first);
}

/** Creates a user; the email is stored lower-case. */
export async function insertUser(props: { email: string; name: string; passwordHash: string; mustChangePassword?: boolean }, db: Tx) {
  return db
    .insert(users)
    .values({ ...props, email: props.email.trim().toLowerCase() })
    .returning().then(only);
}

/**
 * Creates a workspace. New workspaces turn reviewers' edits into suggestions and ask four
 * eyes for suggested corrections unless told otherwise (workspaces from before keep editing
 * directly: the migration's default is off).
 */
export async function insertWorkspace(props: { name: string; organisation: string; reviewersSuggestOnly?: boolean; suggestionsFourEyes?: boolean }, db: Tx) {
  return db.insert(workspaces).values({ reviewersSuggestOnly: true, suggestionsFourEyes: true, ...props }).returning().then(only);
}

/** A workspace's settings for suggested corrections. */
export async function getWorkspaceSettings(workspaceId: string, db: DbOrTx = getDb()) {
  return db
    .select({ reviewersSuggestOnly: workspaces.reviewersSuggestOnly, suggestionsFourEyes: workspaces.suggestionsFourEyes })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId))
    .then((rows) => rows[0] ?? { reviewersSuggestOnly: false, suggestionsFourEyes: false });
}

/** Changes a workspace's settings for suggested corrections; returns them. */
export async function updateWorkspaceSettings(workspaceId: string, settings: { reviewersSuggestOnly?: boolean; suggestionsFourEyes?: boolean }, db: Tx) {
  return db
    .update(workspaces)
    .set(settings)
    .where(eq(workspaces.id, workspaceId))
    .returning({ reviewersSuggestOnly: workspaces.reviewersSuggestOnly, suggestionsFourEyes: workspaces.suggestionsFourEyes })
    .then(only);
}

/** The workspace with this name, or undefined. */
export async function getWorkspaceByName(name: string, db: DbOrTx = getDb()) {
  return db.select().from(workspaces).where(eq(workspaces.name, name)).then(first);
}

/** Adds a user to a workspace with a role (or changes the role). */
export async function upsertMembership(props: { userId: string; workspaceId: string; role: Role }, db: Tx) {
  await db.insert(memberships)
    .values(props)
    .onConflictDoUpdate({ target: [memberships.userId, memberships.workspaceId], set: { role: props.role } });
}

/** Every workspace the user belongs to, with the user's role there. */
export async function getMembershipsByUserId(userId: string, db: DbOrTx = getDb()) {
  return db
    .select({ workspaceId: workspaces.id, workspaceName: workspaces.name, role: memberships.role })
    .from(memberships)
    .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
    .where(eq(memberships.userId, userId))
    .orderBy(workspaces.createdAt);
}

/** The user's membership in one workspace, or undefined. */
export async function getMembership(userId: string, workspaceId: string, db: DbOrTx = getDb()) {
  return db
    .select()
    .from(memberships)
    .where(and(eq(memberships.userId, userId), eq(memberships.workspaceId, workspaceId)))
    .then(first);
}

/** The members of a workspace with their roles, by name. */
export async function getMembersByWorkspaceId(workspaceId: string, db: DbOrTx = getDb()) {
  return db
    .select({ id: users.id, name: users.name, email: users.email, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.workspaceId, workspaceId))
    .orderBy(users.name);
}

/** Removes a user from a workspace (the user and their past work stay). */
export async function deleteMembership(userId: string, workspaceId: string, db: Tx) {
  await db.delete(memberships)
    .where(and(eq(memberships.userId, userId), eq(memberships.workspaceId, workspaceId)));
}

/** The workspace row, or undefined. */
export async function getWorkspaceById(id: string, db: DbOrTx = getDb()) {
  return db.select().from(workspaces).where(eq(workspaces.id, id)).then(first);
}

/** Sets a user's password hash, and whether they must choose a new password at next sign-in. */
export async function setPassword(userId: string, passwordHash: string, mustChangePassword: boolean, db: Tx) {
  await db.update(users).set({ passwordHash, mustChangePassword }).where(eq(users.id, userId));
}

/** The account's own settings: language, time zone, e-mail notifications. */
export async function updateUserSettings(userId: string, patch: Partial<Pick<typeof users.$inferInsert, 'locale' | 'timeZone' | 'emailNotifications'>>, db: Tx) {
  return db.update(users).set(patch).where(eq(users.id, userId)).returning().then(only);
}

/** Notes that a user's daily digest went out. */
export async function setDigestSent(userId: string, at: Date, db: Tx) {
  await db.update(users).set({ digestSentAt: at }).where(eq(users.id, userId));
}

/**
 * Locks a workspace's row until the transaction ends (PostgreSQL; on SQLite the write lock
 * already does): membership changes of one workspace take turns, so the last-admin rule holds
 * however many servers act at once.
 */
export async function lockWorkspace(workspaceId: string, tx: Tx): Promise<void> {
  await lockForUpdate(tx, workspaces, workspaceId);
}
