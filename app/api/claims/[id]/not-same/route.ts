import { z } from 'zod';
import { withClaim } from '@/lib/api/guards';
import { rejectSimilar } from '@/lib/claims/reuse';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const schema = z.object({ claimId: z.string().min(1).max(100) }).strict();

/** "Not the same claim": `{claimId}` (a suggestion) → 204; it is not suggested again. */
export const POST = withClaim({ action: 'claim:update', body: schema }, async ({ claimCtx, claim, body }) => {
  await rejectSimilar(claimCtx, claim.id, body.claimId);
  return new Response(null, { status: 204 });
});
