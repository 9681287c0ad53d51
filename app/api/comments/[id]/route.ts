import { z } from 'zod';
import { withComment } from '@/lib/api/guards';
import { deleteComment, editComment, listComments, setThreadResolved } from '@/lib/comments/commands';
import { plainText } from '@/lib/validation';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

type Params = { id: string };

const schema = z.union([z.object({ body: plainText(5000) }).strict(), z.object({ resolved: z.boolean() }).strict()]);

/** Edits one's own comment (`{body}`), or resolves / reopens a thread (`{resolved}`). Answers with the claim's comments. */
export const PATCH = withComment<z.infer<typeof schema>, Params>({ action: 'comment:create', body: schema }, ({ comment, claimCtx, body }) => {
  if ('body' in body) editComment(claimCtx, comment.id, body.body);
  else setThreadResolved(claimCtx, comment.id, body.resolved);
  return { comments: listComments(comment.claimId) };
});

/** Deletes one's own comment. */
export const DELETE = withComment<undefined, Params>({ action: 'comment:create' }, ({ comment, claimCtx }) => {
  deleteComment(claimCtx, comment.id);
  return new Response(null, { status: 204 });
});
