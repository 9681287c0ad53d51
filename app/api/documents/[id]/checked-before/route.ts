import { getClaimsByDocumentId } from '@/db/queries/claims';
import { withDocument } from '@/lib/api/guards';
import { sameClaims, similarClaims } from '@/lib/claims/memory';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

type Params = { id: string };

/** Which claims of the document were checked before elsewhere in the workspace (suggested or linked as the same claim): `{claims: {claimId: count}}`, only those with any. */
export const GET = withDocument<undefined, Params>({ action: 'document:read' }, ({ document }) => {
  const counts: Record<string, number> = {};
  for (const c of getClaimsByDocumentId(document.id)) {
    const n = similarClaims(c.id, document.workspaceId).length + sameClaims(c.id).length;
    if (n) counts[c.id] = n;
  }
  return { claims: counts };
});
