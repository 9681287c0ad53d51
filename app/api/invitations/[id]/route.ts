import { withUser } from '@/lib/api/handler';
import { removeInvitation } from '@/lib/members/invitations';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

type Params = { id: string };

/** Declines an invitation (the invited person) or withdraws it (an admin of its workspace). */
export const DELETE = withUser<Params>(async ({ user, params }) => {
  await removeInvitation(user, params.id);
  return new Response(null, { status: 204 });
});
