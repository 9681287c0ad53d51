import { z } from 'zod';
import { withDocument } from '@/lib/api/guards';
import { parseQuery } from '@/lib/api/handler';
import { EXPORT_FORMATS, exportDocument, publicBaseUrl } from '@/lib/exports';
import { requestTimeZone } from '@/lib/i18n/request-locale';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const querySchema = z.object({ format: z.enum(EXPORT_FORMATS) });

/** Downloads the report of the document's current revision: pdf, docx, md, csv, w3c, claimreview or json. */
export const GET = withDocument({ action: 'document:export' }, async ({ req, user, document }) => {
  const { format } = parseQuery(req, querySchema);
  const { body, contentType, disposition } = await exportDocument(document, format, publicBaseUrl(req.url), user.id, requestTimeZone(req, user));
  return new Response(body as Uint8Array<ArrayBuffer>, {
    headers: { 'Content-Type': contentType, 'Content-Disposition': disposition, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' },
  });
});
