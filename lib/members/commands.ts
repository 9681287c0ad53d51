/**
 * Managing the members of a workspace (admins only): invite (with a one-time password that
 * is shown once), change roles, remove, reset a forgotten password. The last admin can be
 * neither removed nor demoted.
 * The route guard (lib/api/guards.ts `withWorkspace`, action member:manage) decides who
 * may; these check the rules and write in one transaction, with an audit event each.
 */
import 'server-only';
import { writeTransaction, type Tx } from '@/db';
import { recordEvent } from '@/lib/audit/record';
import { deleteInvitation, getInvitationById, getInvitationFor, getInvitationsByWorkspaceId, insertInvitation } from '@/db/queries/invitations';
import { revokeUserSessions } from '@/db/queries/sessions';
import { deleteMembership, getMembersByWorkspaceId, lockWorkspace, getMembership, getMembershipsByUserId, getUserByEmail, insertUser, setPassword, upsertMembership } from '@/db/queries/users';
import type { Role } from '@/db/schema';
import { generatePassword, hashPassword } from '../auth/passwords';
import { AppError, forbidden, notFound } from '../errors';
import type { WorkspaceContext } from '../api/guards';
import { can } from '../permissions';

/** The caller's membership of the workspace, as the route guard checked it. */
export type AdminContext = WorkspaceContext;

/** Members with their roles (any member may see who is in the workspace). */
export function listMembers(ctx: AdminContext) {
  return getMembersByWorkspaceId(ctx.workspaceId);
}

async function audit(ctx: AdminContext, tx: Tx, action: string, memberId: string, before: unknown, after: unknown) {
  await recordEvent({ workspaceId: ctx.workspaceId, documentId: null, actorId: ctx.userId, action, subjectType: 'member', subjectId: memberId, before, after }, tx);
}

async function adminCount(workspaceId: string, tx: Tx) {
  return (await getMembersByWorkspaceId(workspaceId, tx)).filter((m) => m.role === 'admin').length;
}

/**
 * Invites someone to the workspace. The answer is the same whether or not the e-mail has
 * an account: the invitation (with the name the admin typed) and a one-time password. For
 * an e-mail new to Factdesk an account is made with that password, to be replaced at the
 * first sign-in; someone who already has an account signs in with their own (the password
 * shown works for nobody). Either way they join by accepting the invitation.
 */
export async function addMember(ctx: AdminContext, input: { email: string; name: string; role: Role }) {
  const password = generatePassword();
  // Hashed whether or not it is used, so the answer takes as long either way.
  const passwordHash = await hashPassword(password);
  return writeTransaction(async (tx) => {
    await lockWorkspace(ctx.workspaceId, tx);
    const existing = await getUserByEmail(input.email, tx);
    if (existing && await getMembership(existing.id, ctx.workspaceId, tx)) {
      throw new AppError(409, 'conflict:state', `${input.email} is already a member of this workspace.`);
    }
    if (await getInvitationFor(ctx.workspaceId, input.email, tx)) {
      throw new AppError(409, 'conflict:state', `${input.email} is already invited to this workspace.`);
    }
    if (!existing) await insertUser({ email: input.email, name: input.name, passwordHash, mustChangePassword: true }, tx);
    const invitation = await insertInvitation({ workspaceId: ctx.workspaceId, email: input.email, name: input.name, role: input.role, invitedBy: ctx.userId }, tx);
    await recordEvent({ workspaceId: ctx.workspaceId, documentId: null, actorId: ctx.userId, action: 'member.invited', subjectType: 'invitation', subjectId: invitation.id, before: null, after: { email: invitation.email, name: invitation.name, role: invitation.role } }, tx);
    return { invitation: { id: invitation.id, email: invitation.email, name: invitation.name, role: invitation.role, createdAt: invitation.createdAt }, initialPassword: password };
  });
}

/** Pending invitations of the workspace (admins; others see none). */
export async function listInvitations(ctx: AdminContext) {
  return can(ctx.role, 'member:manage') ? await getInvitationsByWorkspaceId(ctx.workspaceId) : [];
}

/** Withdraws an invitation (admins of its workspace). */
export async function withdrawInvitation(ctx: AdminContext, invitationId: string) {
  await writeTransaction(async (tx) => {
    await lockWorkspace(ctx.workspaceId, tx);
    const invitation = await getInvitationById(invitationId, tx);
    if (!invitation || invitation.workspaceId !== ctx.workspaceId) throw notFound('This invitation');
    await deleteInvitation(invitation.id, tx);
    await recordEvent({ workspaceId: ctx.workspaceId, documentId: null, actorId: ctx.userId, action: 'member.invitation_withdrawn', subjectType: 'invitation', subjectId: invitation.id, before: { email: invitation.email, role: invitation.role }, after: null }, tx);
  });
}

/** Changes a member's role; refuses to demote the last admin. */
export function changeRole(ctx: AdminContext, memberId: string, role: Role) {
  return writeTransaction(async (tx) => {
    await lockWorkspace(ctx.workspaceId, tx);
    const membership = await getMembership(memberId, ctx.workspaceId, tx);
    if (!membership) throw notFound('This member');
    if (membership.role === 'admin' && role !== 'admin' && await adminCount(ctx.workspaceId, tx) === 1) {
      throw new AppError(409, 'conflict:state', 'This is the last admin of the workspace. Make someone else an admin first.');
    }
    await upsertMembership({ userId: memberId, workspaceId: ctx.workspaceId, role }, tx);
    await audit(ctx, tx, 'member.role_changed', memberId, { role: membership.role }, { role });
    return (await getMembersByWorkspaceId(ctx.workspaceId, tx)).find((m) => m.id === memberId)!;
  });
}

/** Removes a member; refuses to remove the last admin. */
export async function removeMember(ctx: AdminContext, memberId: string) {
  await writeTransaction(async (tx) => {
    await lockWorkspace(ctx.workspaceId, tx);
    const membership = await getMembership(memberId, ctx.workspaceId, tx);
    if (!membership) throw notFound('This member');
    if (membership.role === 'admin' && await adminCount(ctx.workspaceId, tx) === 1) {
      throw new AppError(409, 'conflict:state', 'This is the last admin of the workspace and cannot be removed. Make someone else an admin first.');
    }
    await deleteMembership(memberId, ctx.workspaceId, tx);
    await audit(ctx, tx, 'member.removed', memberId, { role: membership.role }, null);
  });
}

/**
 * Resets a member's forgotten password: a one-time password, returned once, that must be
 * replaced at the next sign-in; every session of the member ends. Only an admin of every
 * workspace the member belongs to may do it (an admin of one desk must not take over an
 * account that also works for another).
 */
export async function resetPassword(ctx: AdminContext, memberId: string) {
  if (memberId === ctx.userId) throw new AppError(400, 'invalid:body', 'Change your own password on the Change password page.');
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  await writeTransaction(async (tx) => {
    await lockWorkspace(ctx.workspaceId, tx);
    if (!await getMembership(memberId, ctx.workspaceId, tx)) throw notFound('This member');
    let elsewhere = false;
    for (const m of await getMembershipsByUserId(memberId, tx)) {
      const mine = await getMembership(ctx.userId, m.workspaceId, tx);
      if (!mine || !can(mine.role, 'member:manage')) elsewhere = true;
    }
    if (elsewhere) {
      throw forbidden('This person also belongs to workspaces you are not an admin of, so only they can change their password (or an admin of all their workspaces can reset it).');
    }
    await setPassword(memberId, passwordHash, true, tx);
    await revokeUserSessions(memberId, undefined, tx);
    await audit(ctx, tx, 'member.password_reset', memberId, null, null);
  });
  return { password };
}
