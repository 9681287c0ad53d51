/** Invitations to workspaces (see `invitations` in db/schema.ts). */
import { and, asc, eq } from 'drizzle-orm';
import type { Role } from '../enums';
import { first, getDb, only, type DbOrTx, type Tx } from '../index';
import { invitations, users, workspaces } from '../schema';

/** Records an invitation; the e-mail is stored lower-case. */
export async function insertInvitation(props: { workspaceId: string; email: string; name: string; role: Role; invitedBy: string }, db: Tx) {
  return db
    .insert(invitations)
    .values({ ...props, email: props.email.trim().toLowerCase() })
    .returning().then(only);
}

/** The workspace's pending invitations, oldest first. */
export async function getInvitationsByWorkspaceId(workspaceId: string, db: DbOrTx = getDb()) {
  return db
    .select({ id: invitations.id, email: invitations.email, name: invitations.name, role: invitations.role, createdAt: invitations.createdAt })
    .from(invitations)
    .where(eq(invitations.workspaceId, workspaceId))
    .orderBy(asc(invitations.createdAt));
}

/** The invitation of this e-mail to this workspace, if any. */
export async function getInvitationFor(workspaceId: string, email: string, db: DbOrTx = getDb()) {
  return db
    .select()
    .from(invitations)
    .where(and(eq(invitations.workspaceId, workspaceId), eq(invitations.email, email.trim().toLowerCase())))
    .then(first);
}

/** Pending invitations to an e-mail, with the workspace's name and who invited. */
export async function getInvitationsForEmail(email: string, db: DbOrTx = getDb()) {
  return db
    .select({ id: invitations.id, workspaceId: invitations.workspaceId, workspaceName: workspaces.name, role: invitations.role, invitedByName: users.name, createdAt: invitations.createdAt })
    .from(invitations)
    .innerJoin(workspaces, eq(workspaces.id, invitations.workspaceId))
    .leftJoin(users, eq(users.id, invitations.invitedBy))
    .where(eq(invitations.email, email.trim().toLowerCase()))
    .orderBy(asc(invitations.createdAt));
}

/** One invitation by id, or undefined. */
export async function getInvitationById(id: string, db: DbOrTx = getDb()) {
  return db.select().from(invitations).where(eq(invitations.id, id)).then(first);
}

/** Removes an invitation (accepted, declined or withdrawn). */
export async function deleteInvitation(id: string, db: Tx) {
  await db.delete(invitations).where(eq(invitations.id, id));
}
