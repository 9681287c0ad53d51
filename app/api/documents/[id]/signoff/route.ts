import { withUser } from '@/lib/api/handler';
import { getDocumentOrThrow } from '@/lib/documents/load';
import { signoffOverview } from '@/lib/workflow/commands';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** The sign-off panel: the claims that still block a sign-off, and every sign-off so far. */
export const GET = withUser<{ id: string }>(({ user, params }) => {
  const document = getDocumentOrThrow(params.id, user.id);
  return { status: document.status, revision: document.revision, ...signoffOverview(document.id) };
});
