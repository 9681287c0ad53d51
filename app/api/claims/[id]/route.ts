import { getClaimWithSources } from '@/db/queries/claims';
import { parseJsonBody, withUser } from '@/lib/api/handler';
import { deleteClaim, updateClaim } from '@/lib/claims/commands';
import { getClaimOrThrow } from '@/lib/claims/load';
import { serializeClaim } from '@/lib/claims/serialize';
import { patchClaimSchema } from '@/lib/claims/validation';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

type Params = { id: string };

/** One claim with its sources. */
export const GET = withUser<Params>(({ user, params }) => {
  const { claim } = getClaimOrThrow(params.id, user.id);
  return { claim: serializeClaim(getClaimWithSources(claim.id)!) };
});

/** Changes a claim; `rowVersion` must be current (409 with the current claim otherwise). */
export const PATCH = withUser<Params>(async ({ req, user, params }) => {
  const { claim, ctx } = getClaimOrThrow(params.id, user.id);
  const input = await parseJsonBody(req, patchClaimSchema);
  return { claim: updateClaim(ctx, claim.id, input) };
});

/** Deletes a claim. */
export const DELETE = withUser<Params>(({ user, params }) => {
  const { claim, ctx } = getClaimOrThrow(params.id, user.id);
  deleteClaim(ctx, claim.id);
  return new Response(null, { status: 204 });
});
