import type { Metadata } from 'next';
import { MemberManager } from '@/components/admin/member-manager';
import { VerdictNames } from '@/components/admin/verdict-names';
import { SuggestionSettings } from '@/components/admin/suggestion-settings';
import { getWorkspaceSettings } from '@/db/queries/users';
import { VERDICTS } from '@/db/enums';
import { getAllVerdictLabels } from '@/db/queries/verdict-labels';
import { LOCALES } from '@/lib/i18n/locales';
import { translator } from '@/lib/i18n/messages';
import { requireSessionUser } from '@/lib/auth/session';
import { workspaceFor } from '@/lib/api/guards';
import { listInvitations, listMembers } from '@/lib/members/commands';
import { can } from '@/lib/permissions';
import { getTranslations } from 'next-intl/server';

export const dynamic = 'force-dynamic';
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('members'))('title') };
}

/** Members of the admin's workspace: add, change roles, remove. Others see the list only. */
export default async function MembersPage() {
  const user = await requireSessionUser('/admin/members');
  const ctx = await workspaceFor(user.id, undefined, 'member:read');
  const manage = can(ctx.role, 'member:manage');
  const t = await getTranslations('members');
  return (
    <div className="page narrow">
      <div className="page-head">
        <div>
          <h1>{t('title')}</h1>
          <p className="muted">
            {ctx.workspaceName}
            {manage ? t('manageNote') : t('readNote')}
          </p>
        </div>
      </div>
      <MemberManager
        initialMembers={await listMembers(ctx)}
        initialInvitations={(await listInvitations(ctx)).map((i) => ({ id: i.id, email: i.email, name: i.name, role: i.role }))}
        currentUserId={user.id}
        canManage={manage}
      />
      {can(ctx.role, 'workspace:manage') && <SuggestionSettings initial={await getWorkspaceSettings(ctx.workspaceId)} />}
      {can(ctx.role, 'workspace:manage') && (
        <VerdictNames
          initial={await getAllVerdictLabels(ctx.workspaceId)}
          defaults={Object.fromEntries(LOCALES.map((l) => [l, Object.fromEntries(VERDICTS.map((v) => [v, translator(l)(`verdicts.${v}`)]))])) as never}
        />
      )}
    </div>
  );
}
