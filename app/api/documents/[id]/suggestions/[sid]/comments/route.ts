import { z } from 'zod';
import { withDocument } from '@/lib/api/guards';
import { addSuggestionComment, listSuggestionComments } from '@/lib/suggestions/commands';
import { plainText } from '@/lib/validation';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

type Params = { id: string; sid: string };

/** The suggestion's comment thread, oldest first → `{comments: [{id, authorId, authorName, body, createdAt}]}`. */
export const GET = withDocument<undefined, Params>({ action: 'document:read' }, async ({ document, params }) => ({ comments: await listSuggestionComments(document.id, params.sid) }));

const schema = z.object({ body: plainText(5000) }).strict();

/** Adds a comment to the thread (anyone who may comment) → 201 `{comment}`. */
export const POST = withDocument<{ body: string }, Params>({ action: 'comment:create', body: schema }, async ({ user, document, params, body }) => {
  const comment = await addSuggestionComment(document, user.id, params.sid, body.body);
  return Response.json({ comment: { ...comment, authorName: user.name } }, { status: 201 });
});
