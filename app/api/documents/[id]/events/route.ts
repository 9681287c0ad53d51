import { z } from 'zod';
import { withDocument } from '@/lib/api/guards';
import { parseQuery } from '@/lib/api/handler';
import { openDocumentStream } from '@/lib/collab/stream';
import { getDocumentForMember } from '@/db/queries/documents';
import { getActiveSessionUser } from '@/db/queries/sessions';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

type Params = { id: string };

const querySchema = z.object({
  version: z.coerce.number().int().min(0),
  session: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'must be 8–64 letters, digits, - or _'),
});

/**
 * Server-Sent Events: `steps` (every step after `?version=`, then live ones), `claim`,
 * `claim-deleted`, `presence`, and `reload` when the client is too far behind — or when
 * its access ended: signed out (or the password changed or reset), removed from the
 * workspace, or given another role (within a second; the page reloads and shows what is true).
 */
export const GET = withDocument<undefined, Params>({ action: 'document:read' }, ({ req, user, document }) => {
  const { version, session } = parseQuery(req, querySchema);
  const endReason = async () => {
    if (!await getActiveSessionUser(user.sessionId)) return 'signed-out';
    const now = await getDocumentForMember(document.id, user.id);
    if (!now) return 'removed';
    return now.role === document.role ? null : 'role-changed';
  };
  return openDocumentStream({ documentId: document.id, user, sessionId: session, version, signal: req.signal, endReason });
});
