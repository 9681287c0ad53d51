import { z } from 'zod';
import { parseJsonBody, withUser } from '@/lib/api/handler';
import { colorFor, updatePresence } from '@/lib/collab/hub';
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

/** Reports where the caller's caret or selection is; everyone in the document sees it. */
export const POST = withUser<Params>(async ({ req, user, params }) => {
  const document = getDocumentOrThrow(params.id, user.id);
  const body = await parseJsonBody(req, presenceSchema, 4096);
  updatePresence(document.id, {
    sessionId: body.session,
    userId: user.id,
    name: user.name,
    color: colorFor(user.id),
    selection: { anchor: body.anchor, head: body.head, version: body.version },
  });
  return new Response(null, { status: 204 });
});
