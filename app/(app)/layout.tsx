import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { VerdictNamesProvider } from '@/components/claims/labels';
import { getMembershipsByUserId } from '@/db/queries/users';
import { getVerdictLabels } from '@/db/queries/verdict-labels';
import { initials } from '@/lib/format';
import { SignOutButton } from '@/components/auth/sign-out-button';
import { InboxBell } from '@/components/notifications/inbox-bell';
import { ShortcutSheet } from '@/components/ui/shortcut-sheet';
import { getUnreadSummary } from '@/db/queries/notifications';
import { requireSessionUser } from '@/lib/auth/session';

export const dynamic = 'force-dynamic';

/** The signed-in shell: every page inside requires a session. */
export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await requireSessionUser();
  const t = await getTranslations();
  // Verdict names of the reader's (first) workspace; a document page gives its own workspace's.
  const firstWorkspace = (await getMembershipsByUserId(user.id))[0];
  const verdictNames = firstWorkspace ? await getVerdictLabels(firstWorkspace.workspaceId, await getLocale()) : {};
  return (
    <>
      <a className="skip-link" href="#main">
        {t('common.skipToContent')}
      </a>
      <header className="app-header">
        <Link href="/documents" className="brand">
          <span className="brand-mark" aria-hidden="true">✓</span> Factdesk
        </Link>
        <nav aria-label={t('nav.main')}>
          <Link href="/documents">{t('nav.documents')}</Link>
          <Link href="/my-claims">{t('nav.myClaims')}</Link>
          <Link href="/search">{t('nav.search')}</Link>
          <Link href="/admin/members">{t('nav.members')}</Link>
        </nav>
        <div className="user-menu">
          <InboxBell initialUnread={(await getUnreadSummary(user.id)).unread} />
          <span className="avatar" aria-hidden="true">
            {initials(user.name)}
          </span>
          <span className="user-name">{user.name}</span>
          <Link href="/account" className="button ghost small">
            {t('nav.settings')}
          </Link>
          <SignOutButton />
        </div>
      </header>
      <main id="main" className="app-main">
        <VerdictNamesProvider names={verdictNames}>{children}</VerdictNamesProvider>
      </main>
      <ShortcutSheet />
    </>
  );
}
