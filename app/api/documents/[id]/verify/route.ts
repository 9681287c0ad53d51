import { withUser } from '@/lib/api/handler';
import { getDocumentOrThrow } from '@/lib/documents/load';
import { verifySignoff } from '@/lib/workflow/commands';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Recomputes the hash of the document as stored now and compares it with the latest sign-off. */
export const GET = withUser<{ id: string }>(({ user, params }) => {
  const document = getDocumentOrThrow(params.id, user.id);
  return verifySignoff(document.id);
});
