import { z } from 'zod';
import { parseJsonBody, withUser } from '@/lib/api/handler';
import { deleteDocument, updateDocument } from '@/lib/documents/commands';
import { getDocumentOrThrow } from '@/lib/documents/load';
import { serializeDocument } from '@/lib/documents/serialize';
import { isoDate } from '@/lib/claims/validation';
import { documentByline, documentTitle, httpUrl, languageTag } from '@/lib/validation';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

type Params = { id: string };

/** One document with its content, version and the caller's permissions. */
export const GET = withUser<Params>(({ user, params }) => ({ document: serializeDocument(getDocumentOrThrow(params.id, user.id)) }));

const patchSchema = z
  .object({ title: documentTitle, language: languageTag, sourceUrl: httpUrl.nullable(), byline: documentByline.nullable(), publishedAt: isoDate.nullable() })
  .partial()
  .strict()
  .refine((p) => Object.keys(p).length > 0, 'send at least one of title, language, sourceUrl, byline, publishedAt');

/** Renames a document or changes its language or source URL. */
export const PATCH = withUser<Params>(async ({ req, user, params }) => {
  const document = getDocumentOrThrow(params.id, user.id);
  const patch = await parseJsonBody(req, patchSchema);
  const updated = updateDocument({ userId: user.id, document, patch });
  return { document: serializeDocument({ ...updated, role: document.role }) };
});

/** Deletes a document (admins and editors). */
export const DELETE = withUser<Params>(({ user, params }) => {
  const document = getDocumentOrThrow(params.id, user.id);
  deleteDocument({ userId: user.id, document });
  return new Response(null, { status: 204 });
});
