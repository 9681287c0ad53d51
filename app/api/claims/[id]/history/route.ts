import { withClaim } from '@/lib/api/guards';
import { claimHistory } from '@/lib/audit/history';
import { requestLocale } from '@/lib/i18n/request-locale';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Everything that happened to the claim, its sources and comments, oldest first. */
export const GET = withClaim({ action: 'document:read' }, async ({ req, user, claim, claimCtx }) => {
  return { events: await claimHistory(claim, claimCtx.workspaceId, requestLocale(req, user)) };
});
