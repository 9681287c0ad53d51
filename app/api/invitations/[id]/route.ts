import { getInvitationById } from '@/db/queries/invitations';
import { withUser } from '@/lib/api/handler';
import { notFound } from '@/lib/errors';
import { workspaceFor } from '@/lib/api/guards';
import { withdrawInvitation } from '@/lib/members/commands';
import { declineInvitation } from '@/lib/members/invitations';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

type Params = { id: string };

/** Declines an invitation (the invited person) or withdraws it (an admin of its workspace). */
export const DELETE = withUser<Params>(({ user, params }) => {
  const invitation = getInvitationById(params.id);
  if (!invitation) throw notFound('This invitation');
  if (invitation.email === user.email.toLowerCase()) declineInvitation(user, invitation.id);
  else withdrawInvitation(workspaceFor(user.id, invitation.workspaceId, 'member:manage'), invitation.id);
  return new Response(null, { status: 204 });
});
