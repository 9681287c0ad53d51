import { withDocument } from '@/lib/api/guards';
import { archiveDocument } from '@/lib/documents/commands';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Archives a document (editors and admins): out of the list unless `archived=1` is asked for; still readable. */
export const POST = withDocument({ action: 'document:archive' }, async ({ user, document }) => {
  await archiveDocument({ userId: user.id, document, archived: true });
  return new Response(null, { status: 204 });
});

/** Brings an archived document back into the list. */
export const DELETE = withDocument({ action: 'document:archive' }, async ({ user, document }) => {
  await archiveDocument({ userId: user.id, document, archived: false });
  return new Response(null, { status: 204 });
});
