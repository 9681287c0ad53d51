import { z } from 'zod';
import { ROLES } from '@/db/enums';
import { parseJsonBody, parseQuery, withUser } from '@/lib/api/handler';
import { addMember, adminContext, listInvitations, listMembers } from '@/lib/members/commands';
import { permissionsFor } from '@/lib/permissions';
import { emailAddress, plainText } from '@/lib/validation';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const querySchema = z.object({ workspaceId: z.string().min(1).max(100).optional() });

/** The members of the caller's workspace (or `?workspaceId=`) with their roles, and (for admins) pending invitations. */
export const GET = withUser(({ req, user }) => {
  const ctx = adminContext(user.id, parseQuery(req, querySchema).workspaceId);
  return { workspace: { id: ctx.workspaceId, name: ctx.workspaceName }, members: listMembers(ctx), invitations: listInvitations(ctx), permissions: permissionsFor(ctx.role) };
});

const schema = z.object({ email: emailAddress, name: plainText(100), role: z.enum(ROLES), workspaceId: z.string().min(1).max(100).optional() }).strict();

/**
 * Invites a member (admins): `{invitation, initialPassword}`, the same for an e-mail with
 * or without an account. The password is shown once and stored in clear nowhere.
 */
export const POST = withUser(async ({ req, user }) => {
  const input = await parseJsonBody(req, schema);
  const result = await addMember(adminContext(user.id, input.workspaceId), input);
  return Response.json(result, { status: 201, headers: { 'Cache-Control': 'no-store' } });
});
