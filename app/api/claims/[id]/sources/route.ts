import type { z } from 'zod';
import { withClaim } from '@/lib/api/guards';
import { addSource } from '@/lib/claims/commands';
import { createSourceSchema } from '@/lib/claims/validation';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

type Params = { id: string };

/** Adds a source to the end of a claim's list. */
export const POST = withClaim<z.infer<typeof createSourceSchema>, Params>({ action: 'claim:update', body: createSourceSchema }, async ({ claim, claimCtx, body }) => {
  return Response.json({ source: await addSource(claimCtx, claim.id, body) }, { status: 201 });
});
