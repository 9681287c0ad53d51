import { parseJsonBody, withUser } from '@/lib/api/handler';
import { indexMissingClaims } from '@/lib/claims/memory';
import { importJson, importSchema } from '@/lib/exports/json';
import { workspaceFor } from '@/lib/api/guards';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Largest export file we import, in bytes (a long article with its history). */
const MAX_IMPORT_BYTES = 32 * 1024 * 1024;

/**
 * Creates a new document from a Factdesk JSON export (`?format=json`): text, claims,
 * sources and comments. Approvals and sign-offs are not imported.
 */
export const POST = withUser(async ({ req, user }) => {
  const input = await parseJsonBody(req, importSchema, MAX_IMPORT_BYTES);
  const row = await importJson({ userId: user.id, workspaceId: (await workspaceFor(user.id, input.workspaceId, 'document:create')).workspaceId, input });
  // The imported claims join the claim memory.
  await indexMissingClaims();
  return Response.json({ document: { id: row.id, title: row.title, language: row.language } }, { status: 201 });
});
