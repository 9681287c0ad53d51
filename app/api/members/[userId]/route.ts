import { z } from 'zod';
import { ROLES } from '@/db/enums';
import { parseJsonBody, parseQuery, withUser } from '@/lib/api/handler';
import { adminContext, changeRole, removeMember } from '@/lib/members/commands';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

type Params = { userId: string };
const querySchema = z.object({ workspaceId: z.string().min(1).max(100).optional() });
const schema = z.object({ role: z.enum(ROLES) }).strict();

/** Changes a member's role (admins; never the last admin's). */
export const PATCH = withUser<Params>(async ({ req, user, params }) => {
  const ctx = adminContext(user.id, parseQuery(req, querySchema).workspaceId);
  const { role } = await parseJsonBody(req, schema);
  return { member: changeRole(ctx, params.userId, role) };
});

/** Removes a member from the workspace (admins; never the last admin). */
export const DELETE = withUser<Params>(({ req, user, params }) => {
  const ctx = adminContext(user.id, parseQuery(req, querySchema).workspaceId);
  removeMember(ctx, params.userId);
  return new Response(null, { status: 204 });
});
