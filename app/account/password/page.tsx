import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { AuthCard } from '@/components/auth/auth-card';
import { ChangePasswordForm } from '@/components/auth/change-password-form';
import { MIN_PASSWORD_LENGTH } from '@/lib/auth/account';
import { CHANGE_PASSWORD_PATH, getSessionUser } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Change password' };
export const dynamic = 'force-dynamic';

/** Everyone's "Change password" page; after an admin reset the password, the only page open. */
export default async function ChangePasswordPage() {
  const user = await getSessionUser();
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(CHANGE_PASSWORD_PATH)}`);
  return (
    <main className="login-page">
      <AuthCard
        titleId="password-title"
        title="Change password"
        intro={
          user.mustChangePassword
            ? `Choose your own password to continue, ${user.name}: enter the one-time password you were given as the current one.`
            : `Signed in as ${user.email}.`
        }
      >
        <ChangePasswordForm minLength={MIN_PASSWORD_LENGTH} />
        {!user.mustChangePassword && <Link href="/documents">Back to your documents</Link>}
      </AuthCard>
    </main>
  );
}
