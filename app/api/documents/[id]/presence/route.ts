import { z } from 'zod';
import { parseJsonBody, withUser } from '@/lib/api/handler';
import { moveOwnCaret } from '@/lib/collab/hub';
import { AppError } from '@/lib/errors';
import { getDocumentOrThrow } from '@/lib/documents/load';

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
export const POST = withUser<Params>(async ({ req, user, params }) => {
  const document = getDocumentOrThrow(params.id, user.id);
  const body = await parseJsonBody(req, presenceSchema, 4096);
  const moved = moveOwnCaret(document.id, user.id, body.session, { anchor: body.anchor, head: body.head, version: body.version });
  if (!moved) {
    throw new AppError(409, 'conflict:state', 'This session has no open connection to the document here. Reload the page to reconnect.');
  }
  return new Response(null, { status: 204 });
});
