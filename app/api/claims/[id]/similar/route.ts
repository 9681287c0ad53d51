import { withClaim } from '@/lib/api/guards';
import { similarClaims } from '@/lib/claims/memory';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/**
 * "Checked before?": up to five claims of other documents of the workspace that say what this
 * claim says, best first: `{matches: [{claim: {id, statement, quote, verdict, status, updatedAt,
 * approvedByName}, document: {id, title}, score}]}` (score 0…1, at least 0.3).
 */
export const GET = withClaim({ action: 'document:read' }, ({ claim, claimCtx }) => ({ matches: similarClaims(claim.id, claimCtx.workspaceId) }));
