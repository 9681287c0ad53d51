import { z } from 'zod';
import { parseQuery, withUser } from '@/lib/api/handler';
import { adminContext, resetPassword } from '@/lib/members/commands';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

type Params = { userId: string };
const querySchema = z.object({ workspaceId: z.string().min(1).max(100).optional() });

/**
 * Resets a member's password (admins of every workspace the member is in): answers the
 * one-time password once; the member must choose a new one at the next sign-in.
 */
export const POST = withUser<Params>(async ({ req, user, params }) => {
  const ctx = adminContext(user.id, parseQuery(req, querySchema).workspaceId);
  const body = await resetPassword(ctx, params.userId);
  return Response.json(body, { headers: { 'Cache-Control': 'no-store' } });
});
