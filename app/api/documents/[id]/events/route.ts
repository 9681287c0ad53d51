import { z } from 'zod';
import { parseQuery, withUser } from '@/lib/api/handler';
import { openDocumentStream } from '@/lib/collab/stream';
import { getDocumentOrThrow } from '@/lib/documents/load';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

type Params = { id: string };

const querySchema = z.object({
  version: z.coerce.number().int().min(0),
  session: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'must be 8–64 letters, digits, - or _'),
});

/**
 * Server-Sent Events: `steps` (every step after `?version=`, then live ones), `claim`,
 * `claim-deleted`, `presence`, and `reload` when the client is too far behind.
 */
export const GET = withUser<Params>(({ req, user, params }) => {
  const document = getDocumentOrThrow(params.id, user.id);
  const { version, session } = parseQuery(req, querySchema);
  return openDocumentStream({ documentId: document.id, user, sessionId: session, version, signal: req.signal });
});
