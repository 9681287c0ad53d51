import { withClaim } from '@/lib/api/guards';
import { claimHistory } from '@/lib/audit/history';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Everything that happened to the claim, its sources and comments, oldest first. */
export const GET = withClaim({ action: 'document:read' }, ({ claim, claimCtx }) => {
  return { events: claimHistory(claim, claimCtx.workspaceId) };
});
