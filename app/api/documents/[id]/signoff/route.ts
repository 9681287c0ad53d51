import { withDocument } from '@/lib/api/guards';
import { signoffOverview } from '@/lib/workflow/commands';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** The sign-off panel: the claims that still block a sign-off, and every sign-off so far. */
export const GET = withDocument({ action: 'document:read' }, async ({ document }) => {
  return { status: document.status, revision: document.revision, ...await signoffOverview(document.id) };
});
