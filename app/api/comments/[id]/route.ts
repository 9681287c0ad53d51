import { z } from 'zod';
import { parseJsonBody, withUser } from '@/lib/api/handler';
import { getCommentOrThrow } from '@/lib/claims/load';
import { deleteComment, editComment, listComments, setThreadResolved } from '@/lib/comments/commands';
import { plainText } from '@/lib/validation';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

type Params = { id: string };

const schema = z.union([z.object({ body: plainText(5000) }).strict(), z.object({ resolved: z.boolean() }).strict()]);

/** Edits one's own comment (`{body}`), or resolves / reopens a thread (`{resolved}`). Answers with the claim's comments. */
export const PATCH = withUser<Params>(async ({ req, user, params }) => {
  const { comment, ctx } = getCommentOrThrow(params.id, user.id);
  const input = await parseJsonBody(req, schema);
  if ('body' in input) editComment(ctx, comment.id, input.body);
  else setThreadResolved(ctx, comment.id, input.resolved);
  return { comments: listComments(comment.claimId) };
});

/** Deletes one's own comment. */
export const DELETE = withUser<Params>(({ user, params }) => {
  const { comment, ctx } = getCommentOrThrow(params.id, user.id);
  deleteComment(ctx, comment.id);
  return new Response(null, { status: 204 });
});
