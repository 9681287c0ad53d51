/**
 * Managing the members of a workspace (admins only): add with an initial password that is
 * shown once, change roles, remove, reset a forgotten password. The last admin can be
 * neither removed nor demoted.
 * Checks and writes happen in one transaction, with an audit event each.
 */
import { writeTransaction, type Tx } from '@/db';
import { insertEvent } from '@/db/queries/events';
import { revokeUserSessions } from '@/db/queries/sessions';
import { deleteMembership, getMembersByWorkspaceId, getMembership, getMembershipsByUserId, getUserByEmail, insertUser, setPassword, upsertMembership } from '@/db/queries/users';
import type { Role } from '@/db/schema';
import { generatePassword, hashPassword } from '../auth/passwords';
import { AppError, forbidden, notFound } from '../errors';
import { authorize } from '../permissions';
import { pickMembership } from '../workspaces';

/** The caller's workspace for member management: `workspaceId` if given, else their first. */
export function adminContext(userId: string, workspaceId?: string) {
  const membership = pickMembership(userId, workspaceId);
  if (!membership) throw notFound('This workspace');
  return { userId, workspaceId: membership.workspaceId, workspaceName: membership.workspaceName, role: membership.role };
}
export type AdminContext = ReturnType<typeof adminContext>;

/** Members with their roles (any member may see who is in the workspace). */
export function listMembers(ctx: AdminContext) {
  return getMembersByWorkspaceId(ctx.workspaceId);
}

function audit(ctx: AdminContext, tx: Tx, action: string, memberId: string, before: unknown, after: unknown) {
  insertEvent({ workspaceId: ctx.workspaceId, documentId: null, actorId: ctx.userId, action, subjectType: 'member', subjectId: memberId, before, after }, tx);
}

function adminCount(workspaceId: string, tx: Tx) {
  return getMembersByWorkspaceId(workspaceId, tx).filter((m) => m.role === 'admin').length;
}

/**
 * Adds a member. A new user gets a generated initial password, returned once; an existing
 * user (a member of another workspace) keeps their password.
 */
export async function addMember(ctx: AdminContext, input: { email: string; name: string; role: Role }) {
  authorize(ctx.role, 'member:manage');
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  return writeTransaction((tx) => {
    const existing = getUserByEmail(input.email, tx);
    if (existing && getMembership(existing.id, ctx.workspaceId, tx)) {
      throw new AppError(409, 'conflict:state', `${input.email} is already a member of this workspace.`);
    }
    const user = existing ?? insertUser({ email: input.email, name: input.name, passwordHash }, tx);
    upsertMembership({ userId: user.id, workspaceId: ctx.workspaceId, role: input.role }, tx);
    audit(ctx, tx, 'member.added', user.id, null, { email: user.email, name: user.name, role: input.role });
    return { member: { id: user.id, name: user.name, email: user.email, role: input.role }, initialPassword: existing ? null : password };
  });
}

/** Changes a member's role; refuses to demote the last admin. */
export function changeRole(ctx: AdminContext, memberId: string, role: Role) {
  authorize(ctx.role, 'member:manage');
  return writeTransaction((tx) => {
    const membership = getMembership(memberId, ctx.workspaceId, tx);
    if (!membership) throw notFound('This member');
    if (membership.role === 'admin' && role !== 'admin' && adminCount(ctx.workspaceId, tx) === 1) {
      throw new AppError(409, 'conflict:state', 'This is the last admin of the workspace. Make someone else an admin first.');
    }
    upsertMembership({ userId: memberId, workspaceId: ctx.workspaceId, role }, tx);
    audit(ctx, tx, 'member.role_changed', memberId, { role: membership.role }, { role });
    return getMembersByWorkspaceId(ctx.workspaceId, tx).find((m) => m.id === memberId)!;
  });
}

/** Removes a member; refuses to remove the last admin. */
export function removeMember(ctx: AdminContext, memberId: string) {
  authorize(ctx.role, 'member:manage');
  writeTransaction((tx) => {
    const membership = getMembership(memberId, ctx.workspaceId, tx);
    if (!membership) throw notFound('This member');
    if (membership.role === 'admin' && adminCount(ctx.workspaceId, tx) === 1) {
      throw new AppError(409, 'conflict:state', 'This is the last admin of the workspace and cannot be removed. Make someone else an admin first.');
    }
    deleteMembership(memberId, ctx.workspaceId, tx);
    audit(ctx, tx, 'member.removed', memberId, { role: membership.role }, null);
  });
}

/**
 * Resets a member's forgotten password: a one-time password, returned once, that must be
 * replaced at the next sign-in; every session of the member ends. Only an admin of every
 * workspace the member belongs to may do it (an admin of one desk must not take over an
 * account that also works for another).
 */
export async function resetPassword(ctx: AdminContext, memberId: string) {
  authorize(ctx.role, 'member:manage');
  if (memberId === ctx.userId) throw new AppError(400, 'invalid:body', 'Change your own password on the Change password page.');
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  writeTransaction((tx) => {
    if (!getMembership(memberId, ctx.workspaceId, tx)) throw notFound('This member');
    const elsewhere = getMembershipsByUserId(memberId, tx).some((m) => getMembership(ctx.userId, m.workspaceId, tx)?.role !== 'admin');
    if (elsewhere) {
      throw forbidden('This person also belongs to workspaces you are not an admin of, so only they can change their password (or an admin of all their workspaces can reset it).');
    }
    setPassword(memberId, passwordHash, true, tx);
    revokeUserSessions(memberId, undefined, tx);
    audit(ctx, tx, 'member.password_reset', memberId, null, null);
  });
  return { password };
}
