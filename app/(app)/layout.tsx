import Link from 'next/link';
import { initials } from '@/lib/format';
import { SignOutButton } from '@/components/auth/sign-out-button';
import { ShortcutSheet } from '@/components/ui/shortcut-sheet';
import { requireSessionUser } from '@/lib/auth/session';

export const dynamic = 'force-dynamic';

/** The signed-in shell: every page inside requires a session. */
export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await requireSessionUser();
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <Link href="/documents" className="brand">
          <span className="brand-mark" aria-hidden="true">✓</span> Factdesk
        </Link>
        <nav aria-label="Main">
          <Link href="/documents">Documents</Link>
          <Link href="/my-claims">My claims</Link>
          <Link href="/admin/members">Members</Link>
        </nav>
        <div className="user-menu">
          <span className="avatar" aria-hidden="true">
            {initials(user.name)}
          </span>
          <span className="user-name">{user.name}</span>
          <Link href="/account/password" className="button ghost small">
            Change password
          </Link>
          <SignOutButton />
        </div>
      </header>
      <main id="main" className="app-main">
        {children}
      </main>
      <ShortcutSheet />
    </>
  );
}

