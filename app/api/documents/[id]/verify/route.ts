import { withDocument } from '@/lib/api/guards';
import { verifySignoff } from '@/lib/workflow/commands';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Recomputes the hash of the document as stored now and compares it with the latest sign-off. */
export const GET = withDocument({ action: 'document:read' }, ({ document }) => {
  return verifySignoff(document.id);
});
