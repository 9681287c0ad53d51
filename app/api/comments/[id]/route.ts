import { z } from 'zod';
import { withComment } from '@/lib/api/guards';
import { deleteComment, editComment, listComments, setThreadResolved } from '@/lib/comments/commands';
import { plainText } from '@/lib/validation';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

type Params = { id: string };

const schema = z.union([z.object({ body: plainText(5000) }).strict(), z.object({ resolved: z.boolean() }).strict()]);

/** Edits one's own comment (`{body}`), or resolves / reopens a thread (`{resolved}`). Answers with the claim's comments. */
export const PATCH = withComment<z.infer<typeof schema>, Params>({ action: 'comment:create', body: schema }, async ({ comment, claimCtx, body }) => {
  if ('body' in body) await editComment(claimCtx, comment.id, body.body);
  else await setThreadResolved(claimCtx, comment.id, body.resolved);
  return { comments: await listComments(comment.claimId) };
});

/** Deletes one's own comment. */
export const DELETE = withComment<undefined, Params>({ action: 'comment:create' }, async ({ comment, claimCtx }) => {
  await deleteComment(claimCtx, comment.id);
  return new Response(null, { status: 204 });
});
