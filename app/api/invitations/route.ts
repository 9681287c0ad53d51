import { withUser } from '@/lib/api/handler';
import { myInvitations } from '@/lib/members/invitations';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** The caller's pending invitations to workspaces. */
export const GET = withUser(async ({ user }) => ({ invitations: await myInvitations(user) }));
