import { parseJsonBody, withUser } from '@/lib/api/handler';
import { addSource } from '@/lib/claims/commands';
import { getClaimOrThrow } from '@/lib/claims/load';
import { createSourceSchema } from '@/lib/claims/validation';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

type Params = { id: string };

/** Adds a source to the end of a claim's list. */
export const POST = withUser<Params>(async ({ req, user, params }) => {
  const { claim, ctx } = getClaimOrThrow(params.id, user.id);
  const input = await parseJsonBody(req, createSourceSchema);
  return Response.json({ source: addSource(ctx, claim.id, input) }, { status: 201 });
});
