import { parseQuery, withUser } from '@/lib/api/handler';
import { search, searchQuerySchema } from '@/lib/search/search';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/**
 * Search: `?q=&verdict=&status=&language=&tag=&from=&to=` → `{claims: [{id, statement, verdict,
 * status, updatedAt, document: {id, title, language}, snippet}], documents: [{id, title,
 * language, status, snippet}]}`, best first, at most 50 each, only from the caller's
 * workspaces. In snippets, matched words sit between U+0002 and U+0003.
 */
export const GET = withUser(({ req, user }) => search(user.id, parseQuery(req, searchQuerySchema)));
