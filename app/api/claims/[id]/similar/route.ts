import { withClaim } from '@/lib/api/guards';
import { sameClaims, similarClaims } from '@/lib/claims/memory';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/**
 * "Checked before?": up to five claims of other documents of the workspace that say what this
 * claim says, best first: `{matches: [{claim: {id, statement, quote, verdict, status, updatedAt,
 * approvedByName}, document: {id, title}, score}]}` (score 0…1, at least the desk's threshold), and
 * the claims linked to it as the same claim, either way: `same: [{claim: {id, statement, verdict,
 * status}, document: {id, title}}]`.
 */
export const GET = withClaim({ action: 'document:read' }, async ({ claim, claimCtx }) => ({ matches: await similarClaims(claim.id, claimCtx.workspaceId), same: await sameClaims(claim.id) }));
