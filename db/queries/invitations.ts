/** Invitations to workspaces (see `invitations` in db/schema.ts). */
import { and, asc, eq } from 'drizzle-orm';
import type { Role } from '../enums';
import { getDb, type DbOrTx } from '../index';
import { invitations, users, workspaces } from '../schema';

/** Records an invitation; the e-mail is stored lower-case. */
export function insertInvitation(props: { workspaceId: string; email: string; name: string; role: Role; invitedBy: string }, db: DbOrTx = getDb()) {
  return db
    .insert(invitations)
    .values({ ...props, email: props.email.trim().toLowerCase() })
    .returning()
    .get();
}

/** The workspace's pending invitations, oldest first. */
export function getInvitationsByWorkspaceId(workspaceId: string, db: DbOrTx = getDb()) {
  return db
    .select({ id: invitations.id, email: invitations.email, name: invitations.name, role: invitations.role, createdAt: invitations.createdAt })
    .from(invitations)
    .where(eq(invitations.workspaceId, workspaceId))
    .orderBy(asc(invitations.createdAt))
    .all();
}

/** The invitation of this e-mail to this workspace, if any. */
export function getInvitationFor(workspaceId: string, email: string, db: DbOrTx = getDb()) {
  return db
    .select()
    .from(invitations)
    .where(and(eq(invitations.workspaceId, workspaceId), eq(invitations.email, email.trim().toLowerCase())))
    .get();
}

/** Pending invitations to an e-mail, with the workspace's name and who invited. */
export function getInvitationsForEmail(email: string, db: DbOrTx = getDb()) {
  return db
    .select({ id: invitations.id, workspaceId: invitations.workspaceId, workspaceName: workspaces.name, role: invitations.role, invitedByName: users.name, createdAt: invitations.createdAt })
    .from(invitations)
    .innerJoin(workspaces, eq(workspaces.id, invitations.workspaceId))
    .leftJoin(users, eq(users.id, invitations.invitedBy))
    .where(eq(invitations.email, email.trim().toLowerCase()))
    .orderBy(asc(invitations.createdAt))
    .all();
}

/** One invitation by id, or undefined. */
export function getInvitationById(id: string, db: DbOrTx = getDb()) {
  return db.select().from(invitations).where(eq(invitations.id, id)).get();
}

/** Removes an invitation (accepted, declined or withdrawn). */
export function deleteInvitation(id: string, db: DbOrTx = getDb()) {
  db.delete(invitations).where(eq(invitations.id, id)).run();
}
