import { getClaimsByDocumentId } from '@/db/queries/claims';
import { withDocument } from '@/lib/api/guards';
import { createClaim } from '@/lib/claims/commands';
import { serializeClaim } from '@/lib/claims/serialize';
import { createClaimSchema } from '@/lib/claims/validation';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

type Params = { id: string };

/** Every claim of the document with its sources, in document order. */
export const GET = withDocument<undefined, Params>({ action: 'document:read' }, async ({ document }) => {
  return { version: document.version, claims: (await getClaimsByDocumentId(document.id)).map(serializeClaim) };
});

/** Marks a claim on `{from, to}` of the document at `version`. */
export const POST = withDocument({ action: 'claim:create', body: createClaimSchema }, async ({ claimCtx, body }) => {
  const claim = await createClaim(claimCtx, body);
  return Response.json({ claim }, { status: 201 });
});
