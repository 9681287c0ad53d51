import { z } from 'zod';
import { ROLES } from '@/db/enums';
import { withWorkspace, workspaceIdFromQuery } from '@/lib/api/guards';
import { addMember, listInvitations, listMembers } from '@/lib/members/commands';
import { permissionsFor } from '@/lib/permissions';
import { emailAddress, plainText } from '@/lib/validation';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';


/** The members of the caller's workspace (or `?workspaceId=`) with their roles, and (for admins) pending invitations. */
export const GET = withWorkspace({ action: 'member:read', workspaceId: workspaceIdFromQuery }, async ({ workspace }) => ({
  workspace: { id: workspace.workspaceId, name: workspace.workspaceName },
  members: await listMembers(workspace),
  invitations: await listInvitations(workspace),
  permissions: permissionsFor(workspace.role),
}));

const schema = z.object({ email: emailAddress, name: plainText(100), role: z.enum(ROLES), workspaceId: z.string().min(1).max(100).optional() }).strict();

/**
 * Invites a member (admins): `{invitation, initialPassword}`, the same for an e-mail with
 * or without an account. The password is shown once and stored in clear nowhere.
 */
export const POST = withWorkspace({ action: 'member:manage', body: schema, workspaceId: (_req, body) => body.workspaceId }, async ({ workspace, body }) => {
  const result = await addMember(workspace, body);
  return Response.json(result, { status: 201, headers: { 'Cache-Control': 'no-store' } });
});
