import { getClaimsByDocumentId } from '@/db/queries/claims';
import { parseJsonBody, withUser } from '@/lib/api/handler';
import { createClaim } from '@/lib/claims/commands';
import { serializeClaim } from '@/lib/claims/serialize';
import { createClaimSchema } from '@/lib/claims/validation';
import { claimContextFor, getDocumentOrThrow } from '@/lib/documents/load';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

type Params = { id: string };

/** Every claim of the document with its sources, in document order. */
export const GET = withUser<Params>(({ user, params }) => {
  const document = getDocumentOrThrow(params.id, user.id);
  return { version: document.version, claims: getClaimsByDocumentId(document.id).map(serializeClaim) };
});

/** Marks a claim on `{from, to}` of the document at `version`. */
export const POST = withUser<Params>(async ({ req, user, params }) => {
  const document = getDocumentOrThrow(params.id, user.id);
  const input = await parseJsonBody(req, createClaimSchema);
  const claim = createClaim(claimContextFor(document, user.id), input);
  return Response.json({ claim }, { status: 201 });
});
