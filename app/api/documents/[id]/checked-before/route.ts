import { withDocument } from '@/lib/api/guards';
import { checkedBefore } from '@/lib/claims/memory';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

type Params = { id: string };

/** Which claims of the document were checked before elsewhere in the workspace (suggested or linked as the same claim): `{claims: {claimId: count}}`, only those with any. */
export const GET = withDocument<undefined, Params>({ action: 'document:read' }, async ({ document }) => ({ claims: await checkedBefore(document.id, document.workspaceId) }));
