import { z } from 'zod';
import { withDocument } from '@/lib/api/guards';
import { moveOwnCaret } from '@/lib/collab/hub';
import { AppError } from '@/lib/errors';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

type Params = { id: string };

const presenceSchema = z.object({
  session: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
  anchor: z.number().int().min(0),
  head: z.number().int().min(0),
  version: z.number().int().min(0),
});

/** Reports where the caller's caret or selection is, for one of the caller's open streams; everyone in the document sees it. */
export const POST = withDocument<z.infer<typeof presenceSchema>, Params>({ action: 'document:read', body: presenceSchema, maxBytes: 4096 }, async ({ user, document, body }) => {
  const moved = await moveOwnCaret(document.id, user.id, body.session, { anchor: body.anchor, head: body.head, version: body.version });
  if (!moved) {
    throw new AppError(409, 'conflict:state', 'This session has no open connection to the document here. Reload the page to reconnect.');
  }
  return new Response(null, { status: 204 });
});
