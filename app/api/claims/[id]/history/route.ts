import { withUser } from '@/lib/api/handler';
import { claimHistory } from '@/lib/audit/history';
import { getClaimOrThrow } from '@/lib/claims/load';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Everything that happened to the claim, its sources and comments, oldest first. */
export const GET = withUser<{ id: string }>(({ user, params }) => {
  const { claim, ctx } = getClaimOrThrow(params.id, user.id);
  return { events: claimHistory(claim, ctx.workspaceId) };
});
