/** Which of a user's workspaces a request acts in. */
import { getMembershipsByUserId } from '@/db/queries/users';
import { invalidBody } from './errors';

/** The user's membership in `workspaceId`, or in their first workspace when none is named; undefined when there is none. */
export function pickMembership(userId: string, workspaceId?: string) {
  const memberships = getMembershipsByUserId(userId);
  return workspaceId ? memberships.find((m) => m.workspaceId === workspaceId) : memberships[0];
}

/**
 * Where a new or imported document goes: the named workspace (whose membership the command
 * checks, 404 otherwise), else the user's first; 400 when the user belongs to none.
 */
export function workspaceForNewDocument(userId: string, workspaceId?: string): string {
  if (workspaceId) return workspaceId;
  const membership = pickMembership(userId);
  if (!membership) throw invalidBody('You are not a member of any workspace yet. Ask an admin of your desk to add you.');
  return membership.workspaceId;
}
