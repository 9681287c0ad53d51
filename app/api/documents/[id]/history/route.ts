import { z } from 'zod';
import { withDocument } from '@/lib/api/guards';
import { parseQuery } from '@/lib/api/handler';
import { documentHistory } from '@/lib/audit/history';
import { requestLocale } from '@/lib/i18n/request-locale';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const querySchema = z.object({
  after: z.coerce.number().int().min(0).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(500),
});

/** The document's audit trail, oldest first; page on with `?after=<last id>`. */
export const GET = withDocument({ action: 'document:read' }, async ({ req, user, document }) => {
  const query = parseQuery(req, querySchema);
  const events = await documentHistory(document, { afterId: query.after, limit: query.limit }, requestLocale(req, user));
  return { events, next: events.length === query.limit ? events.at(-1)!.id : null };
});
