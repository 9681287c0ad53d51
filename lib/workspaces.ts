/** Which of a user's workspaces a request acts in. */
import { getMembershipsByUserId } from '@/db/queries/users';

/** The user's membership in `workspaceId`, or in their first workspace when none is named; undefined when there is none. */
export async function pickMembership(userId: string, workspaceId?: string) {
  const memberships = await getMembershipsByUserId(userId);
  return workspaceId ? memberships.find((m) => m.workspaceId === workspaceId) : memberships[0];
}
