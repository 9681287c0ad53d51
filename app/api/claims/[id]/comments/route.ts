import { z } from 'zod';
import { parseJsonBody, withUser } from '@/lib/api/handler';
import { getClaimOrThrow } from '@/lib/claims/load';
import { addComment, listComments, serializeComment } from '@/lib/comments/commands';
import { plainText } from '@/lib/validation';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

type Params = { id: string };

/** The claim's comment threads, oldest first (replies carry `parentId`). */
export const GET = withUser<Params>(({ user, params }) => {
  const { claim } = getClaimOrThrow(params.id, user.id);
  return { comments: listComments(claim.id) };
});

const schema = z.object({ body: plainText(5000), parentId: z.string().min(1).max(100).nullish() }).strict();

/** Starts a thread on the claim, or replies to one (`parentId`). @Name mentions members. */
export const POST = withUser<Params>(async ({ req, user, params }) => {
  const { claim, ctx } = getClaimOrThrow(params.id, user.id);
  const input = await parseJsonBody(req, schema);
  const row = addComment(ctx, claim.id, input);
  return Response.json({ comment: serializeComment({ ...row, authorName: user.name }) }, { status: 201 });
});
