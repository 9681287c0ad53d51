import { z } from 'zod';
import { withClaim } from '@/lib/api/guards';
import { reuseClaim } from '@/lib/claims/reuse';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const schema = z.object({ claimId: z.string().min(1).max(100) }).strict();

/** Reuse an earlier claim of the workspace: `{claimId}` → `{claim}` (its verdict, rationale and sources, as the caller's proposal; the two linked as the same claim). */
export const POST = withClaim({ action: 'claim:update', body: schema }, async ({ claimCtx, claim, body }) => ({ claim: await reuseClaim(claimCtx, claim.id, body.claimId) }));
