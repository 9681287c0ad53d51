import { z } from 'zod';
import { withDocument } from '@/lib/api/guards';
import { plainText } from '@/lib/validation';
import { signoffOverview, transitionDocument } from '@/lib/workflow/commands';
import { DOCUMENT_ACTIONS } from '@/lib/workflow/rules';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const schema = z.object({ action: z.enum(DOCUMENT_ACTIONS), reason: plainText(2000).nullish() }).strict();

/**
 * Submits the document for review, signs it off (editors; every claim approved or
 * dismissed, else 409 with `blockers`), or reopens it with a reason (a new revision).
 */
export const POST = withDocument({ action: (body) => `document:${body.action}`, body: schema }, async ({ user, document, body }) => {
  const result = await transitionDocument({ userId: user.id, role: document.role, workspaceId: document.workspaceId, documentId: document.id }, body);
  return { document: { id: document.id, status: result.status, revision: result.revision }, hash: result.hash, ...await signoffOverview(document.id) };
});
