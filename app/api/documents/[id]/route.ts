import { z } from 'zod';
import { withDocument } from '@/lib/api/guards';
import { deleteDocument, updateDocument } from '@/lib/documents/commands';
import { serializeDocument } from '@/lib/documents/serialize';
import { isoDate } from '@/lib/claims/validation';
import { documentByline, documentTitle, httpUrl, languageTag } from '@/lib/validation';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

type Params = { id: string };

/** One document with its content, version and the caller's permissions. */
export const GET = withDocument<undefined, Params>({ action: 'document:read' }, async ({ document }) => ({ document: await serializeDocument(document) }));

const patchSchema = z
  .object({ title: documentTitle, language: languageTag, sourceUrl: httpUrl.nullable(), byline: documentByline.nullable(), publishedAt: isoDate.nullable() })
  .partial()
  .strict()
  .refine((p) => Object.keys(p).length > 0, 'send at least one of title, language, sourceUrl, byline, publishedAt');

/** Renames a document or changes its language or source URL. */
export const PATCH = withDocument({ action: 'document:rename', body: patchSchema }, async ({ user, document, body }) => {
  const updated = await updateDocument({ userId: user.id, document, patch: body });
  return { document: await serializeDocument({ ...updated, role: document.role }) };
});

/** Deletes a document (admins and editors). */
export const DELETE = withDocument<undefined, Params>({ action: 'document:delete' }, async ({ user, document }) => {
  await deleteDocument({ userId: user.id, document });
  return new Response(null, { status: 204 });
});
