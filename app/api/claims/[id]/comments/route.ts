import { z } from 'zod';
import { withClaim } from '@/lib/api/guards';
import { addComment, listComments, serializeComment } from '@/lib/comments/commands';
import { plainText } from '@/lib/validation';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

type Params = { id: string };

/** The claim's comment threads, oldest first (replies carry `parentId`). */
export const GET = withClaim<undefined, Params>({ action: 'document:read' }, async ({ claim }) => {
  return { comments: await listComments(claim.id) };
});

const schema = z.object({ body: plainText(5000), parentId: z.string().min(1).max(100).nullish() }).strict();

/** Starts a thread on the claim, or replies to one (`parentId`). @Name mentions members. */
export const POST = withClaim({ action: 'comment:create', body: schema }, async ({ user, claim, claimCtx, body }) => {
  const row = await addComment(claimCtx, claim.id, body);
  return Response.json({ comment: serializeComment({ ...row, authorName: user.name }) }, { status: 201 });
});
