import { z } from 'zod';
import { ROLES } from '@/db/enums';
import { withWorkspace, workspaceIdFromQuery } from '@/lib/api/guards';
import { changeRole, removeMember } from '@/lib/members/commands';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

type Params = { userId: string };
const schema = z.object({ role: z.enum(ROLES) }).strict();

/** Changes a member's role (admins; never the last admin's). */
export const PATCH = withWorkspace<z.infer<typeof schema>, Params>({ action: 'member:manage', body: schema, workspaceId: workspaceIdFromQuery }, async ({ workspace, params, body }) => ({
  member: await changeRole(workspace, params.userId, body.role),
}));

/** Removes a member from the workspace (admins; never the last admin). */
export const DELETE = withWorkspace<undefined, Params>({ action: 'member:manage', workspaceId: workspaceIdFromQuery }, async ({ workspace, params }) => {
  await removeMember(workspace, params.userId);
  return new Response(null, { status: 204 });
});
