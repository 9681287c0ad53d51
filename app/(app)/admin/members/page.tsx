import type { Metadata } from 'next';
import { MemberManager } from '@/components/admin/member-manager';
import { requireSessionUser } from '@/lib/auth/session';
import { workspaceFor } from '@/lib/api/guards';
import { listInvitations, listMembers } from '@/lib/members/commands';
import { can } from '@/lib/permissions';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Members' };

/** Members of the admin's workspace: add, change roles, remove. Others see the list only. */
export default async function MembersPage() {
  const user = await requireSessionUser('/admin/members');
  const ctx = workspaceFor(user.id, undefined, 'member:read');
  const manage = can(ctx.role, 'member:manage');
  return (
    <div className="page narrow">
      <div className="page-head">
        <div>
          <h1>Members</h1>
          <p className="muted">
            {ctx.workspaceName}
            {manage ? ' · as an admin you can invite members, change their roles, reset passwords and remove members.' : ' · only admins can change members.'}
          </p>
        </div>
      </div>
      <MemberManager
        initialMembers={listMembers(ctx)}
        initialInvitations={listInvitations(ctx).map((i) => ({ id: i.id, email: i.email, name: i.name, role: i.role }))}
        currentUserId={user.id}
        canManage={manage}
      />
    </div>
  );
}
