import { withUser } from '@/lib/api/handler';
import { acceptInvitation } from '@/lib/members/invitations';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

type Params = { id: string };

/** Accepts an invitation to the caller's e-mail: they become a member with its role. */
export const POST = withUser<Params>(({ user, params }) => acceptInvitation(user, params.id));
