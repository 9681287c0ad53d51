import { z } from 'zod';
import { withClaim } from '@/lib/api/guards';
import { plainText } from '@/lib/validation';
import { transitionClaim } from '@/lib/workflow/commands';
import { CLAIM_ACTIONS } from '@/lib/workflow/rules';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const schema = z.object({ action: z.enum(CLAIM_ACTIONS), comment: plainText(5000).nullish() }).strict();

/** Moves a claim through review: start, propose, approve, request_changes, dismiss, restore. */
export const POST = withClaim({ action: (body) => `claim:${body.action}`, body: schema }, async ({ claim, claimCtx, body }) => {
  return { claim: await transitionClaim(claimCtx, claim.id, body) };
});
