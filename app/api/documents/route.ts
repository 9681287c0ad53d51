import { z } from 'zod';
import { parseJsonBody, parseQuery, withUser, MAX_JSON_BODY_BYTES } from '@/lib/api/handler';
import { listDocuments, listQuerySchema } from '@/lib/documents/list';
import { createDocument } from '@/lib/documents/commands';
import { formatForFileName, MAX_DOCUMENT_CHARS } from '@/lib/editor/import';
import { readArticle } from '@/lib/documents/read-article';
import { AppError, invalidBody, tooLarge } from '@/lib/errors';
import { isoDate } from '@/lib/claims/validation';
import { documentByline, documentTitle, httpUrl, languageTag } from '@/lib/validation';
import { workspaceFor } from '@/lib/api/guards';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/**
 * One page of the documents of the caller's workspaces: `?q=` searches titles and text,
 * `status`, `language`, `assignee` (an id or `me`), `open=1`, `from`/`to` (last edited),
 * `archived=1`, `workspaceId` filter, `sort` (updated, created, title, status, relevance)
 * with `dir`, `page` (50 a page).
 */
export const GET = withUser(async ({ req, user }) => {
  const list = await listDocuments(user.id, parseQuery(req, listQuerySchema));
  return { ...list, documents: list.documents.map((d) => ({ ...d, updatedAt: d.updatedAt.toISOString(), archivedAt: d.archivedAt?.toISOString() ?? null })) };
});

const metaSchema = z.object({
  // Optional: without it the article's own title (a page's <title>, a leading # heading) is used.
  title: documentTitle.optional(),
  language: languageTag,
  sourceUrl: httpUrl.nullish(),
  byline: documentByline.nullish(),
  publishedAt: isoDate.nullish(),
  workspaceId: z.string().min(1).max(100).optional(),
});

const createSchema = metaSchema.extend({
  format: z.enum(['text', 'markdown', 'html']).default('text'),
  // The length limit is checked by importDocument, which answers 413.
  content: z.string(),
});

/**
 * Creates a document from pasted content (JSON `{title, language, format, content}`)
 * or an uploaded file (multipart form with `file`, `title`, `language`).
 */
export const POST = withUser(async ({ req, user }) => {
  const contentType = req.headers.get('content-type') ?? '';
  const input = contentType.startsWith('multipart/form-data') ? await readUpload(req) : await parseJsonBody(req, createSchema);
  const { workspaceId } = await workspaceFor(user.id, input.workspaceId, 'document:create');
  const article = await readArticle(input.format, input.content);
  const document = await createDocument({ ...input, fallbackTitle: 'fileTitle' in input ? input.fileTitle : undefined, article, workspaceId, userId: user.id });
  return Response.json({ document: { id: document.id, title: document.title, language: document.language } }, { status: 201 });
});

async function readUpload(req: Request) {
  if (Number(req.headers.get('content-length')) > MAX_JSON_BODY_BYTES) throw tooLarge('The upload is larger than 8 MB.');
  let form: FormData;
  try {
    form = await req.formData();
  } catch {
    throw new AppError(400, 'invalid:body', 'The upload could not be read. Choose the file again.');
  }
  const file = form.get('file');
  if (!(file instanceof File)) throw invalidBody('"file": choose a .txt, .md or .html file to upload.');
  const format = formatForFileName(file.name);
  if (file.size > MAX_DOCUMENT_CHARS * 4) throw tooLarge(`The file is larger than the ${MAX_DOCUMENT_CHARS.toLocaleString('en')}-character limit.`);
  let content: string | Uint8Array;
  if (format === 'docx') {
    content = new Uint8Array(await file.arrayBuffer());
  } else {
    try {
      content = new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer());
    } catch {
      throw new AppError(415, 'unsupported_media_type', `"${file.name}" is not UTF-8 text. Save it as UTF-8 and upload it again.`);
    }
  }
  // The file's name is the title only when neither the form nor the article gives one.
  const fileTitle = documentTitle.safeParse(file.name.replace(/\.[^.]+$/, '').replace(/[_]+/g, ' ')).data;
  const meta = metaSchema.parse({
    title: form.get('title') || undefined,
    language: form.get('language') ?? undefined,
    sourceUrl: form.get('sourceUrl') || undefined,
    workspaceId: form.get('workspaceId') || undefined,
  });
  return { ...meta, format, content, fileTitle };
}
