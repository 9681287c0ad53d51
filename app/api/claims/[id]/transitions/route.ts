import { z } from 'zod';
import { parseJsonBody, withUser } from '@/lib/api/handler';
import { getClaimOrThrow } from '@/lib/claims/load';
import { plainText } from '@/lib/validation';
import { transitionClaim } from '@/lib/workflow/commands';
import { CLAIM_ACTIONS } from '@/lib/workflow/rules';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const schema = z.object({ action: z.enum(CLAIM_ACTIONS), comment: plainText(5000).nullish() }).strict();

/** Moves a claim through review: start, propose, approve, request_changes, dismiss, restore. */
export const POST = withUser<{ id: string }>(async ({ req, user, params }) => {
  const { claim, ctx } = getClaimOrThrow(params.id, user.id);
  const input = await parseJsonBody(req, schema);
  return { claim: transitionClaim(ctx, claim.id, input) };
});
