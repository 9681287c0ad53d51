/**
 * The invited person's side: their pending invitations, accepting one (they become a
 * member with the invited role) or declining it. Only invitations to their own e-mail.
 */
import { lockForUpdate, writeTransaction, type Tx } from '@/db';
import { invitations } from '@/db/schema';
import { recordEvent } from '@/lib/audit/record';
import { deleteInvitation, getInvitationById, getInvitationsForEmail } from '@/db/queries/invitations';
import { getMembership, upsertMembership } from '@/db/queries/users';
import type { SessionUser } from '../auth/session';
import { workspaceFor } from '../api/guards';
import { notFound } from '../errors';
import { withdrawInvitation } from './commands';

/** The caller's pending invitations. */
export function myInvitations(user: SessionUser) {
  return getInvitationsForEmail(user.email);
}

async function ownInvitation(user: SessionUser, invitationId: string, tx: Tx) {
  // Accepting and declining at once (two tabs, two servers): one of them finds it gone.
  await lockForUpdate(tx, invitations, invitationId);
  const invitation = await getInvitationById(invitationId, tx);
  // Someone else's invitation is as unknown as a missing one.
  if (!invitation || invitation.email !== user.email.toLowerCase()) throw notFound('This invitation');
  return invitation;
}

/** Joins the workspace with the invited role; returns its id. */
export function acceptInvitation(user: SessionUser, invitationId: string): Promise<{ workspaceId: string }> {
  return writeTransaction(async (tx) => {
    const invitation = await ownInvitation(user, invitationId, tx);
    if (!await getMembership(user.id, invitation.workspaceId, tx)) await upsertMembership({ userId: user.id, workspaceId: invitation.workspaceId, role: invitation.role }, tx);
    await deleteInvitation(invitation.id, tx);
    await recordEvent({ workspaceId: invitation.workspaceId, documentId: null, actorId: user.id, action: 'member.added', subjectType: 'member', subjectId: user.id, before: null, after: { email: user.email, name: user.name, role: invitation.role } }, tx);
    return { workspaceId: invitation.workspaceId };
  });
}

/**
 * Removes an invitation: the invited person declines it; anyone else withdraws it, which
 * needs member:manage in its workspace (404 for strangers, 403 for non-admins).
 */
export async function removeInvitation(user: SessionUser, invitationId: string): Promise<void> {
  const invitation = await getInvitationById(invitationId);
  if (!invitation) throw notFound('This invitation');
  if (invitation.email === user.email.toLowerCase()) await declineInvitation(user, invitation.id);
  else await withdrawInvitation(await workspaceFor(user.id, invitation.workspaceId, 'member:manage'), invitation.id);
}

/** Declines an invitation. */
export async function declineInvitation(user: SessionUser, invitationId: string): Promise<void> {
  await writeTransaction(async (tx) => {
    const invitation = await ownInvitation(user, invitationId, tx);
    await deleteInvitation(invitation.id, tx);
    await recordEvent({ workspaceId: invitation.workspaceId, documentId: null, actorId: user.id, action: 'member.invitation_declined', subjectType: 'invitation', subjectId: invitation.id, before: { email: invitation.email, role: invitation.role }, after: null }, tx);
  });
}
