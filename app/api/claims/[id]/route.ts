import { getClaimWithSources } from '@/db/queries/claims';
import { withClaim } from '@/lib/api/guards';
import { deleteClaim, updateClaim } from '@/lib/claims/commands';
import { serializeClaim } from '@/lib/claims/serialize';
import { patchClaimSchema } from '@/lib/claims/validation';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

type Params = { id: string };

/** One claim with its sources. */
export const GET = withClaim<undefined, Params>({ action: 'document:read' }, async ({ claim }) => {
  return { claim: serializeClaim((await getClaimWithSources(claim.id))!) };
});

/** Changes a claim; `rowVersion` must be current (409 with the current claim otherwise). */
export const PATCH = withClaim({ action: 'claim:update', body: patchClaimSchema }, async ({ claim, claimCtx, body }) => {
  return { claim: await updateClaim(claimCtx, claim.id, body) };
});

/** Deletes a claim. */
export const DELETE = withClaim<undefined, Params>({ action: 'claim:delete' }, async ({ claim, claimCtx }) => {
  await deleteClaim(claimCtx, claim.id);
  return new Response(null, { status: 204 });
});
